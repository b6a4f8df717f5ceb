#pragma once
// SQL for one region's CloudFormation state, and nothing else: no AWS rules live here.
// The caller owns the transaction (Database::transaction / read) around each API call.
// Statements come from the database's prepared-statement cache: compiling the SQL cost more
// than running it (a quarter of the server's time per call before the cache).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "fakes/cloudformation/types.hpp"
#include "fakes/core/database.hpp"

namespace pipemu::cfn::store {

class Store {
 public:
  explicit Store(fakes::Database& db) : db_(db) {}

  // Whether a stack read carries its two template texts. Describe* and List* show neither, and
  // a template can be hundreds of kilobytes that a waiter would copy on every poll. A stack read
  // without them is for showing only: it must never be passed to put_stack.
  enum class Templates { Load, Skip };

  // Stacks. `find_live_stack` ignores DELETE_COMPLETE stacks; by id finds deleted ones too.
  void put_stack(const Stack& s);
  std::optional<Stack> find_live_stack(const std::string& name,
                                       Templates templates = Templates::Load) const;
  std::optional<Stack> find_stack_by_id(const std::string& id,
                                        Templates templates = Templates::Load) const;
  // The live stack's id alone (no templates, no decoding): change set lookups by stack name.
  std::optional<std::string> live_stack_id(const std::string& name) const;
  std::vector<Stack> list_stacks(bool include_deleted,
                                 Templates templates = Templates::Load) const;

  // Resources of a stack, in insertion order.
  void put_resource(const Resource& r);
  void delete_resource(const std::string& stack_id, const std::string& logical_id);
  std::vector<Resource> resources(const std::string& stack_id) const;
  std::optional<Resource> find_resource(const std::string& stack_id,
                                        const std::string& logical_id) const;

  // Events; `events` returns newest first.
  void add_event(const Event& e);
  std::vector<Event> events(const std::string& stack_id) const;

  void put_change_set(const ChangeSet& c);
  // Whether a lookup decodes the stored change list (ExecuteChangeSet does not need it, and it
  // is the largest column to parse).
  enum class Changes { Read, Skip };
  std::optional<ChangeSet> find_change_set_by_id(const std::string& id,
                                                 Changes changes = Changes::Read) const;
  std::optional<ChangeSet> find_change_set(const std::string& stack_id, const std::string& name,
                                           Changes changes = Changes::Read) const;
  void set_execution_status(const std::string& change_set_id, const std::string& status);
  std::vector<ChangeSet> change_sets(const std::string& stack_id) const;
  void delete_change_set(const std::string& id);
  // Deletes every change set of the stack but `keep` (an id; empty keeps none).
  void delete_change_sets_of(const std::string& stack_id, const std::string& keep = "");

  void put_export(const Export& e);
  void delete_export(const std::string& name);
  std::optional<Export> find_export(const std::string& name) const;
  std::vector<Export> exports() const;  // by name
  std::vector<Export> exports_of(const std::string& stack_id) const;

  // The set of exports a stack imports is replaced as a whole after each operation.
  void set_imports(const std::string& stack_id, const std::string& stack_name,
                   const std::vector<std::string>& export_names);
  std::vector<Import> importers(const std::string& export_name) const;

 private:
  // `remember`: keep what the row holds in known_ (single-stack reads, which writes follow).
  Stack read_stack(const fakes::Statement& q, bool remember = true) const;

  // What this Store (one API call) last read or wrote for each stack: its row's key, an image
  // of the columns a status change leaves alone (templates first), and `deleted`. A status
  // change then writes three columns; an event needs no lookup of its stack's key.
  struct Known {
    std::int64_t key = 0;
    std::string image;
    std::int64_t deleted = 0;
  };

  fakes::Database& db_;
  mutable std::unordered_map<std::string, Known> known_;
};

}  // namespace pipemu::cfn::store
