// JSON for the security sections: certificates, keys, credentials, services,
// permissions and findings. Passwords never appear: a cracked or clear-text
// password is written only as its masked hint ("a****n").
#include "scanner/report/json_sections.h"

namespace pedigree::report {
namespace {

void put_if(Json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

Json name_json(const std::string& dn, const std::string& cn, const std::string& o, const std::string& c) {
  Json j{{"dn", dn}};
  put_if(j, "cn", cn);
  put_if(j, "o", o);
  put_if(j, "c", c);
  return j;
}

Json certificate_json(const Certificate& c) {
  Json j{{"origin", c.origin},
         {"offset", c.offset},
         {"encoding", c.encoding},
         {"subject", name_json(c.subject, c.subject_cn, c.subject_o, c.subject_c)},
         {"issuer", name_json(c.issuer, c.issuer_cn, c.issuer_o, c.issuer_c)},
         {"serial", c.serial},
         {"not_before", c.not_before},
         {"not_after", c.not_after},
         {"expired", c.expired},
         {"not_yet_valid", c.not_yet_valid},
         {"expires_soon", c.expires_soon},
         {"self_signed", c.self_signed},
         {"is_ca", c.is_ca},
         {"key_type", c.key_type},
         {"key_bits", c.key_bits}};
  put_if(j, "curve", c.curve);
  j["signature_algorithm"] = c.signature_algorithm;
  j["sha256"] = c.sha256;
  j["spki_sha256"] = c.spki_sha256;
  put_if(j, "subject_key_id", c.subject_key_id);
  put_if(j, "issuer_key_id", c.issuer_key_id);
  j["issuer_known_ca"] = c.issuer_known_ca;
  j["also_at"] = c.also_at;
  put_confidence(j, c);
  return j;
}

Json key_json(const PrivateKey& k) {
  Json j{{"origin", k.origin}, {"offset", k.offset}, {"format", k.format}, {"type", k.type}, {"bits", k.bits}};
  put_if(j, "curve", k.curve);
  j["encrypted"] = k.encrypted;
  put_if(j, "spki_sha256", k.spki_sha256);
  j["matches_certificate"] = k.matches_certificate;
  j["also_at"] = k.also_at;
  put_confidence(j, k);
  return j;
}

Json credential_json(const Credential& c) {
  Json j{{"origin", c.origin}, {"source", c.source}, {"user", c.user}};
  if (c.uid >= 0) j["uid"] = c.uid;
  if (c.gid >= 0) j["gid"] = c.gid;
  put_if(j, "shell", c.shell);
  j["hash_type"] = c.hash_type;
  j["empty_password"] = c.empty_password;
  j["password_known"] = c.password_known;
  put_if(j, "password_hint", c.password_hint);
  j["uid0_non_root"] = c.uid0_non_root;
  j["login_shell"] = c.login_shell;
  put_confidence(j, c);
  return j;
}

}  // namespace

void add_security_sections(Json& j, const Report& r) {
  Json certs = Json::array(), keys = Json::array(), creds = Json::array(), services = Json::array(),
       perms = Json::array(), findings = Json::array();
  for (const auto& c : r.certificates) certs.push_back(certificate_json(c));
  for (const auto& k : r.keys) keys.push_back(key_json(k));
  for (const auto& c : r.credentials) creds.push_back(credential_json(c));
  for (const auto& s : r.services) {
    Json sj{{"origin", s.origin}, {"line", s.line}, {"name", s.name}, {"started", s.started}};
    put_if(sj, "details", s.details);
    sj["text"] = s.text;
    put_confidence(sj, s);
    services.push_back(std::move(sj));
  }
  for (const auto& p : r.permission_issues) {
    Json pj{{"origin", p.origin}, {"kind", p.kind}, {"mode", p.mode}};
    put_if(pj, "owner", p.owner);
    perms.push_back(std::move(pj));
  }
  for (const auto& f : r.findings) {
    findings.push_back({{"id", f.id},
                        {"severity", f.severity},
                        {"category", f.category},
                        {"title", f.title},
                        {"origin", f.origin},
                        {"evidence", f.evidence},
                        {"remediation", f.remediation}});
  }
  j["certificates"] = std::move(certs);
  j["keys"] = std::move(keys);
  j["credentials"] = std::move(creds);
  j["services"] = std::move(services);
  j["permissions"] = std::move(perms);
  j["findings"] = std::move(findings);
}

}  // namespace pedigree::report
