#include "fakes/ssm/service.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <regex>
#include <set>

#include "fakes/ssm/errors.hpp"
#include "fakes/ssm/names.hpp"
#include "fakes/ssm/store.hpp"

namespace pipemu::ssm {

using fakes::AwsError;
using fakes::unexpected;

namespace {

constexpr std::int64_t kVersionLimit = 100;
constexpr const char* kDefaultKey = "alias/aws/ssm";

double now_seconds() {
  using namespace std::chrono;
  return static_cast<double>(duration_cast<milliseconds>(system_clock::now().time_since_epoch())
                                 .count()) /
         1000.0;
}

bool valid_type(const std::string& t) {
  return t == "String" || t == "StringList" || t == "SecureString";
}

// Runs one API call: fault hook, then one transaction; SQLite failures become InternalError.
template <class F>
auto run(fakes::Registry& registry, const std::string& region, const std::string& operation,
         F&& body) -> decltype(body(std::declval<Store&>())) {
  if (auto fault = registry.faults().check(region, "ssm", operation)) return unexpected(*fault);
  try {
    auto& db = registry.region(region);
    auto call = [&] {
      Store store(db);
      return body(store);
    };
    // Reads take no write lock: Get*/Describe* run as deferred transactions.
    bool reads = operation.rfind("Get", 0) == 0 || operation.rfind("Describe", 0) == 0;
    return reads ? db.read(call) : db.transaction(call);
  } catch (const std::invalid_argument& e) {
    return unexpected(validation(e.what()));
  } catch (const fakes::DatabaseError& e) {
    return unexpected(fakes::aws_error("InternalServerError", e.what(), 500));
  }
}

}  // namespace

Service::Service(fakes::Registry& registry) : registry_(registry) { Store::register_schema(); }

std::string Service::arn(const std::string& account, const std::string& region,
                         const std::string& name) {
  std::string bare = !name.empty() && name[0] == '/' ? name.substr(1) : name;
  return fmt::format("arn:aws:ssm:{}:{}:parameter/{}", region, account, bare);
}

namespace {

Parameter to_parameter(const ParameterRow& r, const std::string& account,
                       const std::string& region, bool with_decryption) {
  Parameter p;
  p.name = r.name;
  p.type = r.type;
  p.value = r.value;
  if (r.type == "SecureString" && !with_decryption)
    p.value = fmt::format("kms:{}:{}", r.key_id.empty() ? kDefaultKey : r.key_id, r.value);
  p.version = r.version;
  p.last_modified = r.modified;
  p.arn = Service::arn(account, region, r.name);
  p.data_type = r.data_type;
  p.tier = r.tier;
  p.description = r.description;
  p.key_id = r.key_id;
  p.allowed_pattern = r.allowed_pattern;
  p.labels = r.labels;
  return p;
}

// name[:selector] -> the row, or the AWS error for a missing parameter / version.
Result<ParameterRow> select(Store& store, const std::string& account, const std::string& input) {
  Selected s = split_selector(input);
  if (s.selector.empty()) {
    auto row = store.latest(account, s.name);
    if (!row) return unexpected(parameter_not_found(input));
    return *row;
  }
  std::string sel = s.selector.substr(1);
  if (sel.empty() || sel.find(':') != std::string::npos)
    return unexpected(parameter_not_found(input));
  if (!store.latest(account, s.name)) return unexpected(parameter_not_found(input));
  if (std::all_of(sel.begin(), sel.end(), [](unsigned char c) { return std::isdigit(c); })) {
    auto row = sel.size() <= 18 ? store.version(account, s.name, std::stoll(sel)) : std::nullopt;
    if (!row) return unexpected(version_not_found(s.name, sel));
    return *row;
  }
  auto v = store.version_of_label(account, s.name, sel);
  if (!v) return unexpected(parameter_not_found(input));
  return *store.version(account, s.name, *v);
}

std::optional<AwsError> check_filters(const std::vector<ParameterFilter>& filters, bool by_path) {
  static const std::set<std::string> keys = {"Name", "Type", "KeyId", "Path", "Tier", "Label",
                                             "DataType"};
  for (const auto& f : filters) {
    if (!keys.count(f.key) && f.key.rfind("tag:", 0) != 0)
      return fakes::aws_error("InvalidFilterKey", fmt::format("The filter key {} is not valid.",
                                                              f.key));
    if (by_path && (f.key == "Name" || f.key == "Path" || f.key == "Tier"))
      return validation(fmt::format("The following filter key is not valid: {}. Valid filter keys "
                                    "include: [Type, KeyId].",
                                    f.key));
    if (f.values.empty())
      return fakes::aws_error("InvalidFilterValue",
                              fmt::format("The following filter values are missing : null for "
                                          "filter key {}.",
                                          f.key));
  }
  return std::nullopt;
}

bool matches(const ParameterRow& r, const ParameterFilter& f) {
  const std::string opt = f.option.empty() ? "Equals" : f.option;
  auto any = [&](auto pred) {
    return std::any_of(f.values.begin(), f.values.end(), pred);
  };
  if (f.key == "Name") {
    auto plain = [](std::string n) { return n.size() > 1 && n[0] == '/' ? n : n; };
    if (opt == "BeginsWith")
      return any([&](const std::string& v) { return r.name.rfind(plain(v), 0) == 0; });
    if (opt == "Contains")
      return any([&](const std::string& v) { return r.name.find(v) != std::string::npos; });
    return any([&](const std::string& v) { return r.name == v; });
  }
  if (f.key == "Path") {
    return any([&](std::string v) {
      if (v.empty() || v.back() != '/') v += '/';
      if (v != "/" && r.name.rfind(v, 0) != 0) return false;
      if (v == "/" && r.name.rfind("/", 0) != 0) return false;
      return opt == "Recursive" || r.name.find('/', v.size()) == std::string::npos;
    });
  }
  const std::string* field = nullptr;
  if (f.key == "Type") field = &r.type;
  else if (f.key == "KeyId") field = &r.key_id;
  else if (f.key == "Tier") field = &r.tier;
  else if (f.key == "DataType") field = &r.data_type;
  if (field) {
    if (opt == "BeginsWith")
      return any([&](const std::string& v) { return field->rfind(v, 0) == 0; });
    return any([&](const std::string& v) { return *field == v; });
  }
  if (f.key == "Label")
    return any([&](const std::string& v) {
      return std::find(r.labels.begin(), r.labels.end(), v) != r.labels.end();
    });
  return true;  // tag filters: tags are not indexed for filtering yet
}

// One page from rows in name order (Store::each_latest); reading stops once the page is full
// and one more row shows there is a next page. The token is the last name returned.
Page paginate(Store& store, const std::string& account, const std::string& prefix,
              const std::string& after, const std::function<bool(const ParameterRow&)>& keep,
              const std::vector<ParameterFilter>& filters, int max_results,
              const std::string& region, bool with_decryption) {
  Page page;
  // Pages do not show labels; only a Label filter reads them.
  bool labels = std::any_of(filters.begin(), filters.end(),
                            [](const ParameterFilter& f) { return f.key == "Label"; });
  store.each_latest(account, prefix, after, labels, [&](const ParameterRow& r) {
    if (!keep(r) || !std::all_of(filters.begin(), filters.end(),
                                 [&](const ParameterFilter& f) { return matches(r, f); }))
      return true;
    if (static_cast<int>(page.parameters.size()) == max_results) {
      page.next_token = page.parameters.back().name;
      return false;
    }
    page.parameters.push_back(to_parameter(r, account, region, with_decryption));
    return true;
  });
  return page;
}

}  // namespace

Result<PutParameterResult> Service::put_parameter(const std::string& account,
                                                  const std::string& region,
                                                  const PutParameterRequest& in) {
  return run(registry_, region, "PutParameter", [&](Store& store) -> Result<PutParameterResult> {
    if (auto e = check_name(in.name)) return unexpected(*e);
    if (in.value.empty())
      return unexpected(validation(
          "1 validation error detected: Value '' at 'value' failed to satisfy constraint: Member "
          "must have length greater than or equal to 1."));
    if (in.overwrite && !in.tags.empty())
      return unexpected(validation(
          "Invalid request: tags and overwrite can't be used together. To create a parameter "
          "with tags, please remove overwrite flag. To update tags for an existing parameter, "
          "please use AddTagsToResource or RemoveTagsFromResource."));
    auto previous = store.latest(account, in.name);
    if (in.type.empty() && !previous)
      return unexpected(validation("A parameter type is required when you create a parameter."));
    if (!in.type.empty() && !valid_type(in.type))
      return unexpected(validation(fmt::format(
          "1 validation error detected: Value '{}' at 'type' failed to satisfy constraint: Member "
          "must satisfy enum value set: [SecureString, StringList, String]",
          in.type)));
    if (!in.tier.empty() && in.tier != "Standard" && in.tier != "Advanced" &&
        in.tier != "Intelligent-Tiering")
      return unexpected(validation(fmt::format(
          "1 validation error detected: Value '{}' at 'tier' failed to satisfy constraint: Member "
          "must satisfy enum value set: [Standard, Advanced, Intelligent-Tiering]",
          in.tier)));
    std::string data_type = in.data_type.empty() ? (previous ? previous->data_type : "text")
                                                 : in.data_type;
    if (data_type != "text" && data_type != "aws:ec2:image" && data_type != "aws:ssm:integration")
      return unexpected(validation(fmt::format(
          "The following data type is not supported: {} (Data type names are all lowercase.)",
          data_type)));
    if (previous && !in.overwrite) return unexpected(parameter_already_exists());

    ParameterRow row;
    row.name = in.name;
    row.value = in.value;
    row.type = in.type.empty() ? previous->type : in.type;
    if (previous && previous->type != row.type &&
        (previous->type == "SecureString" || row.type == "SecureString"))
      return unexpected(hierarchy_type_mismatch(previous->type, row.type));
    row.description = !in.description.empty() || !previous ? in.description : previous->description;
    row.key_id = !in.key_id.empty() || !previous ? in.key_id : previous->key_id;
    if (row.type == "SecureString" && row.key_id.empty()) row.key_id = kDefaultKey;
    if (row.type != "SecureString") row.key_id.clear();
    row.allowed_pattern =
        !in.allowed_pattern.empty() || !previous ? in.allowed_pattern : previous->allowed_pattern;
    row.data_type = data_type;

    // Tier: Intelligent-Tiering picks the cheapest tier that fits; Advanced never downgrades.
    std::string tier = in.tier.empty() ? (previous ? previous->tier : "Standard") : in.tier;
    if (tier == "Intelligent-Tiering") tier = in.value.size() > 4096 ? "Advanced" : "Standard";
    if (previous && previous->tier == "Advanced" && tier == "Standard")
      return unexpected(validation(
          "This parameter uses the advanced-parameter tier. You can't downgrade a parameter "
          "from the advanced-parameter tier to the standard-parameter tier. If necessary, you "
          "can delete the advanced parameter and recreate it as a standard parameter."));
    if (tier == "Standard" && in.value.size() > 4096)
      return unexpected(validation(
          "Standard tier parameters support a maximum parameter value of 4096 characters. To "
          "create a larger parameter value, upgrade the parameter to use the advanced-parameter "
          "tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/"
          "userguide/parameter-store-advanced-parameters.html"));
    if (in.value.size() > 8192) return unexpected(too_long_value(8192));
    row.tier = tier;

    if (!row.allowed_pattern.empty()) {
      bool ok = false;
      try {
        ok = std::regex_match(row.value, std::regex(row.allowed_pattern, std::regex::ECMAScript));
      } catch (const std::regex_error&) {
        return unexpected(fakes::aws_error(
            "InvalidAllowedPatternException",
            "The request does not meet the regular expression requirement."));
      }
      if (!ok)
        return unexpected(fakes::aws_error(
            "ParameterPatternMismatchException",
            fmt::format("Parameter value, cannot be validated against allowedPattern: {}",
                        row.allowed_pattern)));
    }

    row.version = previous ? previous->version + 1 : 1;
    row.modified = now_seconds();
    if (previous && store.version_count(account, in.name) >= kVersionLimit) {
      auto oldest = *store.oldest_version(account, in.name);
      if (!store.version(account, in.name, oldest)->labels.empty())
        return unexpected(max_version_limit(in.name, oldest));
      store.delete_version(account, in.name, oldest);
    }
    store.insert(account, row);
    for (const auto& [k, v] : in.tags) store.set_tag(account, in.name, k, v);
    return PutParameterResult{row.version, row.tier};
  });
}

Result<Parameter> Service::get_parameter(const std::string& account, const std::string& region,
                                         const std::string& name, bool with_decryption) {
  return run(registry_, region, "GetParameter", [&](Store& store) -> Result<Parameter> {
    auto row = select(store, account, name);
    if (!row) return unexpected(row.error());
    auto p = to_parameter(*row, account, region, with_decryption);
    p.selector = split_selector(name).selector;
    return p;
  });
}

Result<GetParametersResult> Service::get_parameters(const std::string& account,
                                                    const std::string& region,
                                                    const std::vector<std::string>& names,
                                                    bool with_decryption) {
  return run(registry_, region, "GetParameters",
             [&](Store& store) -> Result<GetParametersResult> {
               if (names.empty())
                 return unexpected(validation(
                     "1 validation error detected: Value '[]' at 'names' failed to satisfy "
                     "constraint: Member must have length greater than or equal to 1."));
               if (names.size() > 10)
                 return unexpected(validation(fmt::format(
                     "1 validation error detected: Value '[{}]' at 'names' failed to satisfy "
                     "constraint: Member must have length less than or equal to 10.",
                     fmt::join(names, ", "))));
               GetParametersResult out;
               std::set<std::string> unique(names.begin(), names.end());
               for (const auto& n : unique) {
                 auto row = select(store, account, n);
                 if (!row) {
                   out.invalid_parameters.push_back(n);
                   continue;
                 }
                 auto p = to_parameter(*row, account, region, with_decryption);
                 p.selector = split_selector(n).selector;
                 out.parameters.push_back(std::move(p));
               }
               return out;
             });
}

Result<Page> Service::get_parameters_by_path(const std::string& account, const std::string& region,
                                             const GetByPathRequest& in) {
  return run(registry_, region, "GetParametersByPath", [&](Store& store) -> Result<Page> {
    if (in.path.empty() || in.path[0] != '/')
      return unexpected(validation(fmt::format(
          "The parameter doesn't meet the parameter name requirements. The parameter name must "
          "begin with a forward slash \"/\". It can't be prefixed with \"aws\" or \"ssm\" "
          "(case-insensitive). It must use only letters, numbers, or the following symbols: . "
          "(period), - (hyphen), _ (underscore). Special characters are not allowed. All "
          "sub-paths, if specified, must use the forward slash symbol \"/\". Valid example: "
          "/get/parameters2-/by1./path0_. Invalid path: {}",
          in.path)));
    if (in.max_results < 1 || in.max_results > 10)
      return unexpected(validation(fmt::format(
          "1 validation error detected: Value '{}' at 'maxResults' failed to satisfy constraint: "
          "Member must have value {} than or equal to {}",
          in.max_results, in.max_results < 1 ? "greater" : "less", in.max_results < 1 ? 1 : 10)));
    if (auto e = check_filters(in.filters, true)) return unexpected(*e);
    std::string prefix = in.path;
    while (prefix.size() > 1 && prefix.back() == '/') prefix.pop_back();
    if (prefix != "/") prefix += '/';
    // Not recursive: only the names directly under the path.
    auto keep = [&](const ParameterRow& r) {
      return in.recursive || r.name.find('/', prefix.size()) == std::string::npos;
    };
    return paginate(store, account, prefix, in.next_token, keep, in.filters, in.max_results,
                    region, in.with_decryption);
  });
}

Result<Page> Service::describe_parameters(const std::string& account, const std::string& region,
                                          const DescribeRequest& in) {
  return run(registry_, region, "DescribeParameters", [&](Store& store) -> Result<Page> {
    if (in.max_results < 1 || in.max_results > 50)
      return unexpected(validation(fmt::format(
          "1 validation error detected: Value '{}' at 'maxResults' failed to satisfy constraint: "
          "Member must have value {} than or equal to {}",
          in.max_results, in.max_results < 1 ? "greater" : "less", in.max_results < 1 ? 1 : 50)));
    if (auto e = check_filters(in.filters, false)) return unexpected(*e);
    return paginate(store, account, "", in.next_token, [](const ParameterRow&) { return true; },
                    in.filters, in.max_results, region, false);
  });
}

Result<fakes::Ok> Service::delete_parameter(const std::string& account, const std::string& region,
                                            const std::string& name) {
  return run(registry_, region, "DeleteParameter", [&](Store& store) -> Result<fakes::Ok> {
    if (!store.erase(account, name)) return unexpected(parameter_not_found(name));
    return fakes::Ok{};
  });
}

Result<DeleteParametersResult> Service::delete_parameters(const std::string& account,
                                                          const std::string& region,
                                                          const std::vector<std::string>& names) {
  return run(registry_, region, "DeleteParameters",
             [&](Store& store) -> Result<DeleteParametersResult> {
               if (names.empty() || names.size() > 10)
                 return unexpected(validation(fmt::format(
                     "1 validation error detected: Value '[{}]' at 'names' failed to satisfy "
                     "constraint: Member must have length {} than or equal to {}.",
                     fmt::join(names, ", "), names.empty() ? "greater" : "less",
                     names.empty() ? 1 : 10)));
               DeleteParametersResult out;
               for (const auto& n : names)
                 (store.erase(account, n) ? out.deleted : out.invalid).push_back(n);
               return out;
             });
}

Result<Page> Service::get_parameter_history(const std::string& account, const std::string& region,
                                            const std::string& name, bool with_decryption,
                                            int max_results, const std::string& next_token) {
  return run(registry_, region, "GetParameterHistory", [&](Store& store) -> Result<Page> {
    if (max_results < 1 || max_results > 50)
      return unexpected(validation(fmt::format(
          "1 validation error detected: Value '{}' at 'maxResults' failed to satisfy constraint: "
          "Member must have value {} than or equal to {}.",
          max_results, max_results < 1 ? "greater" : "less", max_results < 1 ? 1 : 50)));
    auto rows = store.history(account, name);
    if (rows.empty()) return unexpected(parameter_not_found(name));
    std::size_t start = 0;
    if (!next_token.empty()) {
      try {
        start = std::stoul(next_token);
      } catch (const std::exception&) {
        return unexpected(fakes::aws_error("InvalidNextToken", "The specified token isn't valid."));
      }
    }
    Page page;
    for (std::size_t i = start; i < rows.size(); ++i) {
      if (static_cast<int>(page.parameters.size()) == max_results) {
        page.next_token = std::to_string(i);
        break;
      }
      page.parameters.push_back(to_parameter(rows[i], account, region, with_decryption));
    }
    return page;
  });
}

Result<LabelResult> Service::label_parameter_version(const std::string& account,
                                                     const std::string& region,
                                                     const std::string& name,
                                                     std::optional<std::int64_t> version,
                                                     const std::vector<std::string>& labels) {
  return run(registry_, region, "LabelParameterVersion", [&](Store& store) -> Result<LabelResult> {
    if (labels.empty() || labels.size() > 10)
      return unexpected(validation(fmt::format(
          "1 validation error detected: Value '[{}]' at 'labels' failed to satisfy constraint: "
          "Member must have length {} than or equal to {}.",
          fmt::join(labels, ", "), labels.empty() ? "greater" : "less",
          labels.empty() ? 1 : 10)));
    auto latest = store.latest(account, name);
    if (!latest) return unexpected(parameter_not_found(name));
    std::int64_t v = version.value_or(latest->version);
    auto target = store.version(account, name, v);
    if (!target) return unexpected(version_not_found(name, std::to_string(v)));
    LabelResult out;
    out.version = v;
    std::set<std::string> adding;
    for (const auto& l : labels) {
      if (l.size() > 100)
        return unexpected(validation(fmt::format(
            "1 validation error detected: Value '[{}]' at 'labels' failed to satisfy constraint: "
            "Member must satisfy constraint: [Member must have length less than or equal to 100, "
            "Member must have length greater than or equal to 1]",
            l)));
      if (!valid_label(l)) {
        out.invalid_labels.push_back(l);
        continue;
      }
      if (std::find(target->labels.begin(), target->labels.end(), l) == target->labels.end())
        adding.insert(l);
    }
    if (target->labels.size() + adding.size() > 10) return unexpected(label_limit());
    for (const auto& l : adding) store.set_label(account, name, l, v);  // moves it if elsewhere
    return out;
  });
}

}  // namespace pipemu::ssm
