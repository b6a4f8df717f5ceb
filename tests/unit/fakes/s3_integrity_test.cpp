// Body integrity in the S3 fake: flexible checksums and Content-MD5, the blob writer (dedupe,
// streamed large bodies hashed on digest threads), blob garbage collection and UploadPartCopy.
#include <catch2/catch.hpp>

#include <openssl/evp.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "fakes/core/blob_store.hpp"
#include "fakes/core/checksum.hpp"
#include "fakes/s3/blob_gc.hpp"
#include "fakes/s3/service.hpp"
#include "support/temp_dir.hpp"

using namespace pipemu;
using fakes::ChecksumAlgorithm;

namespace {

const std::string A = fakes::kDefaultAccount;
const std::string R = "us-east-1";

std::string hex(const std::string& raw) {
  static const char* d = "0123456789abcdef";
  std::string s;
  for (unsigned char c : raw) {
    s += d[c >> 4];
    s += d[c & 15];
  }
  return s;
}

std::string evp(const EVP_MD* md, const std::string& data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned n = 0;
  EVP_Digest(data.data(), data.size(), out, &n, md, nullptr);
  return std::string(reinterpret_cast<char*>(out), n);
}

// Blob files under the store (64-hex names: not tmp/ files, not the .gc-lock).
std::size_t blob_files(const fakes::Registry& reg) {
  std::size_t n = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(reg.blobs().root()))
    if (e.is_regular_file() && e.path().filename().string().size() == 64) ++n;
  return n;
}

s3::PutOptions with_checksum(ChecksumAlgorithm a, std::string value) {
  s3::PutOptions o;
  o.checksum_algorithm = a;
  o.checksum_value = [value] { return value; };
  return o;
}

std::string pattern(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131 + i / 4096) & 0xFF);
  return s;
}

}  // namespace

TEST_CASE("checksums: the standard check values") {
  const std::string nine = "123456789";
  CHECK(hex(fakes::checksum_of(ChecksumAlgorithm::Crc32, nine)) == "cbf43926");
  CHECK(hex(fakes::checksum_of(ChecksumAlgorithm::Crc32c, nine)) == "e3069283");
  CHECK(hex(fakes::checksum_of(ChecksumAlgorithm::Sha1, "abc")) ==
        "a9993e364706816aba3e25717850c26c9cd0d89d");
  CHECK(hex(fakes::checksum_of(ChecksumAlgorithm::Sha256, "")) ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  // Chunked updates equal one pass (CRC32C's 8-byte steps and tail included).
  std::string big = pattern(100003);
  fakes::Checksum c(ChecksumAlgorithm::Crc32c);
  for (std::size_t i = 0; i < big.size(); i += 777) c.update(big.data() + i, std::min<std::size_t>(777, big.size() - i));
  CHECK(c.finish() == fakes::checksum_of(ChecksumAlgorithm::Crc32c, big));
  CHECK(fakes::base64_encode(fakes::checksum_of(ChecksumAlgorithm::Crc32, "hello")) == "NhCmhg==");
  CHECK(*fakes::base64_decode("NhCmhg==") == fakes::checksum_of(ChecksumAlgorithm::Crc32, "hello"));
  CHECK_FALSE(fakes::base64_decode("NhCmhg="));
  CHECK(fakes::parse_checksum_algorithm("crc32c") == ChecksumAlgorithm::Crc32c);
  CHECK_FALSE(fakes::parse_checksum_algorithm("CRC64NVME"));
  CHECK(fakes::checksum_header(ChecksumAlgorithm::Sha256) == "x-amz-checksum-sha256");
}

TEST_CASE("blobs: a large body streams through the digest threads; small bodies dedupe") {
  pipemu::test::TempDir dir;
  fakes::BlobStore store(dir.path / "blobs");
  std::string big = pattern(5 * fakes::BlobWriter::kChunk + 12345);  // several chunks + a tail
  auto w = store.writer(ChecksumAlgorithm::Crc32);
  for (std::size_t i = 0; i < big.size(); i += 65536)
    REQUIRE(w.write(big.data() + i, std::min<std::size_t>(65536, big.size() - i)));
  auto info = w.commit();
  REQUIRE(info);
  CHECK(info->size == big.size());
  CHECK(info->sha256 == hex(evp(EVP_sha256(), big)));
  CHECK(info->md5_raw == evp(EVP_md5(), big));
  CHECK(info->checksum == fakes::checksum_of(ChecksumAlgorithm::Crc32, big));
  std::string back;
  REQUIRE(store.read(info->sha256, back));
  CHECK(back == big);

  auto a = store.put("same bytes");
  auto b = store.put("same bytes");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->sha256 == b->sha256);
  std::size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path / "blobs"))
    if (e.is_regular_file() && e.path().filename().string().size() == 64) ++files;
  CHECK(files == 2);  // the large body and one copy of "same bytes"; no temp files left

  {
    auto abandoned = store.writer();
    abandoned.write(big.data(), big.size());
  }  // never committed: nothing stays behind
  std::size_t after = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.path / "blobs"))
    if (e.is_regular_file()) ++after;
  CHECK(after == 2);  // no temp file either
}

TEST_CASE("s3: flexible checksums are verified, stored and returned; Content-MD5 too") {
  fakes::Registry reg;
  s3::Service s3(reg);
  REQUIRE(s3.create_bucket(A, R, "sums", std::nullopt));
  std::string crc = fakes::base64_encode(fakes::checksum_of(ChecksumAlgorithm::Crc32, "hello"));
  auto ok = s3.put_object(A, R, "sums", "k", std::string("hello"),
                          with_checksum(ChecksumAlgorithm::Crc32, crc));
  REQUIRE(ok);
  CHECK(ok->checksum_algorithm == "CRC32");
  CHECK(ok->checksum == "NhCmhg==");
  auto head = s3.head_object(A, R, "sums", "k");
  REQUIRE(head);
  CHECK(head->checksum == "NhCmhg==");

  auto bad = s3.put_object(A, R, "sums", "k2", std::string("hellp"),
                           with_checksum(ChecksumAlgorithm::Crc32, crc));
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == "BadDigest");
  CHECK(bad.error().message == "The CRC32 you specified did not match the calculated checksum.");
  CHECK(s3.head_object(A, R, "sums", "k2").error().code == "NoSuchKey");

  auto malformed = s3.put_object(A, R, "sums", "k2", std::string("hello"),
                                 with_checksum(ChecksumAlgorithm::Sha256, crc));  // 4 bytes
  CHECK(malformed.error().code == "InvalidRequest");
  CHECK(malformed.error().message == "Value for x-amz-checksum-sha256 header is invalid.");

  // Algorithm only (x-amz-sdk-checksum-algorithm): computed and stored, nothing to compare.
  auto computed = s3.put_object(A, R, "sums", "k3", std::string("hello"),
                                with_checksum(ChecksumAlgorithm::Sha1, ""));
  REQUIRE(computed);
  CHECK(computed->checksum == fakes::base64_encode(evp(EVP_sha1(), "hello")));

  s3::PutOptions md5;
  md5.content_md5 = fakes::base64_encode(evp(EVP_md5(), "hello"));
  CHECK(s3.put_object(A, R, "sums", "m", std::string("hello"), md5));
  md5.content_md5 = "AAAAAAAAAAAAAAAAAAAAAA==";
  auto mismatch = s3.put_object(A, R, "sums", "m", std::string("hello"), md5);
  CHECK(mismatch.error().code == "BadDigest");
  CHECK(mismatch.error().message ==
        "The Content-MD5 you specified did not match what we received.");
  md5.content_md5 = "not-base64";
  auto invalid = s3.put_object(A, R, "sums", "m", std::string("hello"), md5);
  CHECK(invalid.error().code == "InvalidDigest");
  CHECK(invalid.error().message == "The Content-MD5 you specified was invalid.");
}

TEST_CASE("s3: multipart with a checksum algorithm; UploadPartCopy with and without a range") {
  fakes::Registry reg;
  s3::Service s3(reg);
  s3.set_min_part_size(4);
  REQUIRE(s3.create_bucket(A, R, "mpu", std::nullopt));
  REQUIRE(s3.put_object(A, R, "mpu", "src", std::string("0123456789abcdef")));
  s3::PutOptions o;
  o.checksum_algorithm = ChecksumAlgorithm::Crc32;
  auto id = s3.create_multipart_upload(A, R, "mpu", "dst", o);
  REQUIRE(id);
  auto p1 = s3.upload_part_copy(A, R, "mpu", "dst", *id, 1, {"mpu", "src", "bytes=10-15"});
  REQUIRE(p1);
  CHECK(p1->etag == "\"" + hex(evp(EVP_md5(), "abcdef")) + "\"");
  CHECK(p1->checksum == fakes::base64_encode(fakes::checksum_of(ChecksumAlgorithm::Crc32, "abcdef")));
  auto p2 = s3.upload_part_copy(A, R, "mpu", "dst", *id, 2, {"mpu", "src", ""});
  REQUIRE(p2);
  auto p3 = s3.upload_part(A, R, "mpu", "dst", *id, 3,
                           [](const fakes::BodyChunk& sink) { return sink("!", 1); });
  REQUIRE(p3);
  CHECK(s3.upload_part_copy(A, R, "mpu", "dst", *id, 4, {"mpu", "src", "bytes=10-16"})
            .error().code == "InvalidRange");
  CHECK(s3.upload_part_copy(A, R, "mpu", "dst", *id, 4, {"mpu", "src", "bytes=5-"}).error().code ==
        "InvalidArgument");
  CHECK(s3.upload_part_copy(A, R, "mpu", "dst", *id, 4, {"mpu", "nope", ""}).error().code ==
        "NoSuchKey");
  auto done = s3.complete_multipart_upload(A, R, "mpu", "dst", *id,
                                           {{1, p1->etag}, {2, p2->etag}, {3, p3->etag}});
  REQUIRE(done);
  CHECK(*s3.get_object_text(A, R, "mpu", "dst") == "abcdef0123456789abcdef!");
  // COMPOSITE: CRC32 over the parts' raw CRC32s, then "-3".
  std::string raw = fakes::checksum_of(ChecksumAlgorithm::Crc32, "abcdef") +
                    fakes::checksum_of(ChecksumAlgorithm::Crc32, "0123456789abcdef") +
                    fakes::checksum_of(ChecksumAlgorithm::Crc32, "!");
  CHECK(done->checksum ==
        fakes::base64_encode(fakes::checksum_of(ChecksumAlgorithm::Crc32, raw)) + "-3");
  CHECK(done->checksum_algorithm == "CRC32");
}

TEST_CASE("s3: blobs nobody references are collected; shared ones stay") {
  pipemu::test::TempDir dir;
  fakes::Registry reg({.state_dir = dir.path / "state"});
  s3::Service s3(reg);
  s3.set_gc_delay(std::chrono::milliseconds(0));
  s3.set_min_part_size(1);
  s3.set_inline_limit(0);  // these small bodies stand for blob files
  REQUIRE(s3.create_bucket(A, R, "gcb", std::nullopt));
  REQUIRE(s3.create_bucket(A, "eu-west-1", "gc-eu", std::string("eu-west-1")));
  REQUIRE(s3.put_object(A, R, "gcb", "a", std::string("one")));
  CHECK(blob_files(reg) == 1);
  REQUIRE(s3.put_object(A, R, "gcb", "a", std::string("two")));  // overwrite frees "one"
  CHECK(blob_files(reg) == 1);
  // A copy in another region shares the blob: deleting the source keeps it.
  REQUIRE(s3.copy_object(A, "eu-west-1", "gcb", "a", "gc-eu", "b", false));
  REQUIRE(s3.delete_object(A, R, "gcb", "a"));
  CHECK(blob_files(reg) == 1);
  CHECK(*s3.get_object_text(A, "eu-west-1", "gc-eu", "b") == "two");
  REQUIRE(s3.delete_objects(A, "eu-west-1", "gc-eu", {"b"}));
  CHECK(blob_files(reg) == 0);
  // Parts go once their upload completes or is aborted; a refused body never stays.
  auto id = s3.create_multipart_upload(A, R, "gcb", "mp");
  auto feed = [](std::string s) {
    return [s](const fakes::BodyChunk& sink) { return sink(s.data(), s.size()); };
  };
  auto p1 = s3.upload_part(A, R, "gcb", "mp", *id, 1, feed("part-1"));
  auto p2 = s3.upload_part(A, R, "gcb", "mp", *id, 2, feed("part-2"));
  REQUIRE(p1);
  REQUIRE(p2);
  CHECK(blob_files(reg) == 2);
  REQUIRE(s3.complete_multipart_upload(A, R, "gcb", "mp", *id, {{1, p1->etag}, {2, p2->etag}}));
  CHECK(blob_files(reg) == 1);
  auto id2 = s3.create_multipart_upload(A, R, "gcb", "mp2");
  REQUIRE(s3.upload_part(A, R, "gcb", "mp2", *id2, 1, feed("abandoned")));
  REQUIRE(s3.abort_multipart_upload(A, R, "gcb", "mp2", *id2));
  CHECK(blob_files(reg) == 1);
  s3::PutOptions md5;
  md5.content_md5 = "AAAAAAAAAAAAAAAAAAAAAA==";
  CHECK_FALSE(s3.put_object(A, R, "gcb", "refused", std::string("refused"), md5));
  CHECK(blob_files(reg) == 1);
  // An orphan left by a killed process goes with a sweep.
  REQUIRE(reg.blobs().put("orphan"));
  CHECK(blob_files(reg) == 2);
  CHECK(s3::sweep_blobs(reg) == 1);
  CHECK(blob_files(reg) == 1);
  CHECK(*s3.get_object_text(A, R, "gcb", "mp") == "part-1part-2");
}

TEST_CASE("s3: collection never removes a blob a concurrent writer is about to reference") {
  pipemu::test::TempDir dir;
  fakes::Registry reg({.state_dir = dir.path / "state"});
  s3::Service s3(reg);
  s3.set_gc_delay(std::chrono::milliseconds(0));
  s3.set_inline_limit(0);  // the race is about blob files
  REQUIRE(s3.create_bucket(A, R, "race", std::nullopt));
  // Every writer uploads the same few bodies (so blobs are found by dedupe, not written) while
  // others overwrite and delete keys holding those same bodies, queueing them for collection.
  std::atomic<bool> failed{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 150 && !failed; ++i) {
        std::string key = "k" + std::to_string(t) + "-" + std::to_string(i % 5);
        std::string body = "body-" + std::to_string(i % 3);
        if (!s3.put_object(A, R, "race", key, body)) failed = true;
        if (i % 4 == 3 && !s3.delete_object(A, R, "race", key)) failed = true;
      }
    });
  }
  for (auto& th : threads) th.join();
  REQUIRE_FALSE(failed);
  auto list = s3.list_objects(A, R, "race", {});
  REQUIRE(list);
  REQUIRE_FALSE(list->contents.empty());
  for (const auto& o : list->contents) {
    INFO(o.key);
    CHECK(reg.blobs().exists(o.blob));
    CHECK(s3.get_object_text(A, R, "race", o.key));
  }
}
