#include "scanner/fingerprint/yara/yara_rules.h"

#include <yara.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>
#include <unordered_map>

namespace pedigree::fingerprint::yara {

namespace {

/// Scanners a thread keeps for rule sets it has used; more than a few rule
/// sets alive at once only happens in tests.
constexpr std::size_t kScannersPerThread = 4;

/// libyara's global state, set up once per process and never torn down (its
/// users may be thread-local scanners destroyed at thread exit).
bool yara_ready() {
  static const bool ok = yr_initialize() == ERROR_SUCCESS;
  return ok;
}

struct CompileLog {
  std::string file;
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
};

void on_compile_message(int level, const char* /*file_name*/, int line, const YR_RULE* /*rule*/, const char* message,
                        void* user_data) {
  auto* log = static_cast<CompileLog*>(user_data);
  std::string text = log->file + ":" + std::to_string(line) + ": " + (message ? message : "");
  (level == YARA_ERROR_LEVEL_ERROR ? log->errors : log->warnings).push_back(std::move(text));
}

std::string meta_value(const YR_META* m) {
  if (m->type == META_TYPE_STRING) return m->string ? m->string : "";
  if (m->type == META_TYPE_BOOLEAN) return m->integer ? "true" : "false";
  return std::to_string(m->integer);
}

}  // namespace

struct CompiledRules::Impl {
  YR_RULES* rules = nullptr;
  std::unordered_map<const YR_RULE*, std::size_t> index;
  std::uint64_t serial = 0;
  ~Impl() {
    if (rules) yr_rules_destroy(rules);
  }
};

namespace {

struct ScanState {
  const CompiledRules::Impl* impl;
  std::vector<RuleMatch>* out;
};

int on_scan_message(YR_SCAN_CONTEXT* ctx, int message, void* message_data, void* user_data) {
  if (message != CALLBACK_MSG_RULE_MATCHING) return CALLBACK_CONTINUE;
  auto* state = static_cast<ScanState*>(user_data);
  auto* rule = static_cast<YR_RULE*>(message_data);
  auto it = state->impl->index.find(rule);
  if (it == state->impl->index.end()) return CALLBACK_CONTINUE;
  RuleMatch m;
  m.rule = it->second;
  YR_STRING* s = nullptr;
  yr_rule_strings_foreach(rule, s) {
    // libyara packs its match records without alignment, so each is copied
    // out before use (yr_string_matches_foreach would read them in place).
    std::size_t n = 0;
    for (const YR_MATCH* p = ctx->matches[s->idx].head; p != nullptr && n < kMaxMatchesPerString;) {
      YR_MATCH match;
      std::memcpy(&match, p, sizeof match);
      p = match.next;
      if (match.is_private) continue;
      ++n;
      m.strings.push_back({s->identifier, static_cast<std::uint64_t>(match.base + match.offset),
                           static_cast<std::uint32_t>(match.match_length)});
    }
  }
  std::sort(m.strings.begin(), m.strings.end(), [](const StringMatch& a, const StringMatch& b) {
    return std::tie(a.offset, a.identifier) < std::tie(b.offset, b.identifier);
  });
  state->out->push_back(std::move(m));
  return CALLBACK_CONTINUE;
}

/// One scanner per (thread, rule set), destroyed with the thread.
struct ThreadScanner {
  std::uint64_t serial = 0;
  YR_SCANNER* scanner = nullptr;
  ~ThreadScanner() {
    if (scanner) yr_scanner_destroy(scanner);
  }
};

YR_SCANNER* scanner_for(const CompiledRules::Impl& impl) {
  thread_local std::vector<std::unique_ptr<ThreadScanner>> cache;
  for (auto& c : cache)
    if (c->serial == impl.serial) return c->scanner;
  auto entry = std::make_unique<ThreadScanner>();
  entry->serial = impl.serial;
  if (yr_scanner_create(impl.rules, &entry->scanner) != ERROR_SUCCESS) return nullptr;
  if (cache.size() >= kScannersPerThread) cache.erase(cache.begin());
  cache.push_back(std::move(entry));
  return cache.back()->scanner;
}

}  // namespace

CompiledRules::CompiledRules(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

CompiledRules::~CompiledRules() = default;

Result<std::shared_ptr<const CompiledRules>> CompiledRules::compile(const std::vector<RuleText>& files) {
  if (!yara_ready()) return make_error(Errc::kIo, "libyara failed to initialise");
  YR_COMPILER* compiler = nullptr;
  if (yr_compiler_create(&compiler) != ERROR_SUCCESS) return make_error(Errc::kIo, "out of memory");
  CompileLog log;
  yr_compiler_set_callback(compiler, on_compile_message, &log);
  for (const auto& f : files) {
    log.file = f.name;
    if (yr_compiler_add_string(compiler, f.text.c_str(), nullptr) != 0) break;
  }
  auto impl = std::make_unique<Impl>();
  if (log.errors.empty() && yr_compiler_get_rules(compiler, &impl->rules) != ERROR_SUCCESS)
    log.errors.push_back("cannot build the compiled rules");
  yr_compiler_destroy(compiler);
  if (!log.errors.empty()) return make_error(Errc::kCorrupt, log.errors.front());

  return index(std::move(impl), std::move(log.warnings));
}

std::shared_ptr<const CompiledRules> CompiledRules::index(std::unique_ptr<Impl> impl,
                                                          std::vector<std::string> warnings) {
  static std::atomic<std::uint64_t> next_serial{1};
  impl->serial = next_serial++;
  std::vector<RuleInfo> info;
  YR_RULE* rule = nullptr;
  yr_rules_foreach(impl->rules, rule) {
    RuleInfo r;
    r.id = rule->identifier;
    YR_META* m = nullptr;
    yr_rule_metas_foreach(rule, m) { r.meta.emplace(m->identifier, meta_value(m)); }
    impl->index.emplace(rule, info.size());
    info.push_back(std::move(r));
  }
  auto out = std::shared_ptr<CompiledRules>(new CompiledRules(std::move(impl)));
  out->info_ = std::move(info);
  out->warnings_ = std::move(warnings);
  return out;
}

namespace {

struct MemoryStream {
  ByteView data;
  std::size_t at = 0;
};

std::size_t read_memory(void* ptr, std::size_t size, std::size_t count, void* user_data) {
  auto* in = static_cast<MemoryStream*>(user_data);
  if (size == 0) return 0;
  std::size_t n = std::min(count, (in->data.size() - in->at) / size);
  if (n > 0) std::memcpy(ptr, in->data.data() + in->at, n * size);
  in->at += n * size;
  return n;
}

}  // namespace

Result<std::shared_ptr<const CompiledRules>> CompiledRules::load(ByteView compiled) {
  if (!yara_ready()) return make_error(Errc::kIo, "libyara failed to initialise");
  MemoryStream in{compiled};
  YR_STREAM stream{&in, read_memory, nullptr};
  auto impl = std::make_unique<Impl>();
  int rc = yr_rules_load_stream(&stream, &impl->rules);
  if (rc != ERROR_SUCCESS) {
    impl->rules = nullptr;
    return make_error(Errc::kUnsupported, "cannot load compiled rules (error " + std::to_string(rc) + ")");
  }
  return index(std::move(impl), {});
}

Result<std::vector<RuleMatch>> CompiledRules::scan(ByteView data) const {
  YR_SCANNER* scanner = scanner_for(*impl_);
  if (!scanner) return make_error(Errc::kIo, "cannot create a YARA scanner");
  std::vector<RuleMatch> out;
  ScanState state{impl_.get(), &out};
  yr_scanner_set_callback(scanner, on_scan_message, &state);
  yr_scanner_set_timeout(scanner, kScanTimeoutSeconds);
  int rc = yr_scanner_scan_mem(scanner, data.data(), data.size());
  if (rc != ERROR_SUCCESS && rc != ERROR_TOO_MANY_MATCHES) {
    return make_error(rc == ERROR_SCAN_TIMEOUT ? Errc::kLimit : Errc::kIo,
                      "YARA scan failed (error " + std::to_string(rc) + ")");
  }
  return out;
}

Status CompiledRules::save(const std::string& path) const {
  if (yr_rules_save(impl_->rules, path.c_str()) != ERROR_SUCCESS)
    return make_error(Errc::kIo, "cannot write compiled rules to " + path);
  return Ok{};
}

}  // namespace pedigree::fingerprint::yara
