#pragma once
// What every model loader returns: the model it could build plus what it found wrong.
// A loader never throws on user input; it fills in what it can and reports the rest, so
// `pipemu validate` can list every problem in one run instead of stopping at the first.
#include "model/diagnostic.hpp"

namespace pipemu::model {

template <class T>
struct Parsed {
  T value;
  Diagnostics diagnostics;

  bool ok() const { return !diagnostics.has_errors(); }
};

}  // namespace pipemu::model
