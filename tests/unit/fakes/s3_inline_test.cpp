// Small S3 bodies (up to Service::kInlineBody) live in their object's row, not as blob files:
// reads, ranges, copies, part copies and overwrites behave as for file bodies, no file is made,
// and a file body replaced by an inline one is still collected.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "fakes/s3/service.hpp"
#include "support/temp_dir.hpp"

using namespace pipemu;

namespace {

const std::string A = fakes::kDefaultAccount;
const std::string R = "us-east-1";

std::size_t blob_files(const fakes::Registry& reg) {
  std::size_t n = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(reg.blobs().root()))
    if (e.is_regular_file() && e.path().filename().string().size() == 64) ++n;
  return n;
}

std::string bytes(std::size_t n, char seed) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>(seed + static_cast<char>(i % 61));
  return s;
}

}  // namespace

TEST_CASE("s3 inline bodies: up to the limit no blob file is written; reads are unchanged") {
  pipemu::test::TempDir dir;
  fakes::Registry reg({.state_dir = dir.path / "state"});
  s3::Service s3(reg);
  s3.set_gc_delay(std::chrono::milliseconds(0));
  REQUIRE(s3.create_bucket(A, R, "inl", std::nullopt));
  const std::string small = bytes(s3::Service::kInlineBody, 'a');
  const std::string large = bytes(s3::Service::kInlineBody + 1, 'b');

  auto put = s3.put_object(A, R, "inl", "small", small);
  REQUIRE(put);
  CHECK(blob_files(reg) == 0);
  REQUIRE(s3.put_object(A, R, "inl", "large", large));
  CHECK(blob_files(reg) == 1);

  auto got = s3.get_object(A, R, "inl", "small");
  REQUIRE(got);
  REQUIRE(got->data);
  CHECK(*got->data == small);
  CHECK(got->info.etag == put->etag);
  CHECK(got->info.size == small.size());
  auto part = s3.get_object(A, R, "inl", "small", "bytes=3-9");
  REQUIRE(part);
  CHECK(part->partial);
  CHECK(part->data->substr(part->offset, part->length) == small.substr(3, 7));
  CHECK_FALSE(s3.get_object(A, R, "inl", "large")->data);  // a file body streams from its path
  CHECK(*s3.get_object_text(A, R, "inl", "small") == small);
  auto to = dir.path / "out.bin";
  REQUIRE(s3.get_object_to_file(A, R, "inl", "small", to));
  std::ifstream in(to, std::ios::binary);
  CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == small);

  // The body is in the region database file: a second registry on the same state reads it.
  fakes::Registry reopened({.state_dir = dir.path / "state"});
  s3::Service again(reopened);
  CHECK(*again.get_object_text(A, R, "inl", "small") == small);
}

TEST_CASE("s3 inline bodies: overwrites, copies and part copies; replaced files still go") {
  pipemu::test::TempDir dir;
  fakes::Registry reg({.state_dir = dir.path / "state"});
  s3::Service s3(reg);
  s3.set_gc_delay(std::chrono::milliseconds(0));
  s3.set_min_part_size(1);
  REQUIRE(s3.create_bucket(A, R, "src", std::nullopt));
  REQUIRE(s3.create_bucket(A, "eu-west-1", "dst-eu", std::string("eu-west-1")));

  // A file body (stored before the limit applied) overwritten by the same bytes inline: the
  // file is no longer named by any row and is collected.
  s3.set_inline_limit(0);
  REQUIRE(s3.put_object(A, R, "src", "k", std::string("same bytes")));
  CHECK(blob_files(reg) == 1);
  s3.set_inline_limit(s3::Service::kInlineBody);
  REQUIRE(s3.put_object(A, R, "src", "k", std::string("same bytes")));
  CHECK(blob_files(reg) == 0);
  CHECK(*s3.get_object_text(A, R, "src", "k") == "same bytes");

  // A cross-region copy carries the bytes; deleting the source leaves the copy whole.
  REQUIRE(s3.copy_object(A, "eu-west-1", "src", "k", "dst-eu", "c", false));
  REQUIRE(s3.delete_object(A, R, "src", "k"));
  CHECK(*s3.get_object_text(A, "eu-west-1", "dst-eu", "c") == "same bytes");
  CHECK(blob_files(reg) == 0);

  // UploadPartCopy reads a range of an inline source.
  REQUIRE(s3.put_object(A, R, "src", "k2", std::string("0123456789")));
  auto id = s3.create_multipart_upload(A, R, "src", "mp");
  REQUIRE(id);
  auto p1 = s3.upload_part_copy(A, R, "src", "mp", *id, 1, {"src", "k2", "bytes=2-5"});
  REQUIRE(p1);
  auto p2 = s3.upload_part_copy(A, R, "src", "mp", *id, 2, {"src", "k2", ""});
  REQUIRE(p2);
  REQUIRE(s3.complete_multipart_upload(A, R, "src", "mp", *id, {{1, p1->etag}, {2, p2->etag}}));
  CHECK(*s3.get_object_text(A, R, "src", "mp") == "23450123456789");
  CHECK(blob_files(reg) == 0);  // the parts were files; the small result is inline

  // A refused inline body (bad Content-MD5) leaves the old object and no file.
  s3::PutOptions md5;
  md5.content_md5 = "AAAAAAAAAAAAAAAAAAAAAA==";
  CHECK_FALSE(s3.put_object(A, R, "src", "k2", std::string("other"), md5));
  CHECK(*s3.get_object_text(A, R, "src", "k2") == "0123456789");
  CHECK(blob_files(reg) == 0);
}
