#pragma once
// The driver `pipemu scenario run` uses: seeds the fakes in the scenario's state dir and runs the
// pipeline with the engine in-process, once per trigger, then reads back the fakes' state.
#include <memory>

#include "scenario/driver.hpp"

namespace pipemu::scenario {

std::unique_ptr<Driver> make_engine_driver();

}  // namespace pipemu::scenario
