// The S3 service layer as the emulator calls it in-process, plus its wire-independent helpers.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "fakes/s3/aws_chunked.hpp"
#include "fakes/s3/names.hpp"
#include "fakes/s3/range.hpp"
#include "fakes/s3/service.hpp"
#include "support/temp_dir.hpp"

using namespace pipemu;

namespace {
const std::string A = fakes::kDefaultAccount;
const std::optional<std::string> kEu = std::string("eu-west-1");
}  // namespace

TEST_CASE("s3: buckets live in one region; other regions are redirected") {
  fakes::Registry reg;
  s3::Service s3(reg);
  REQUIRE(s3.create_bucket(A, "eu-west-1", "art-eu", kEu));
  CHECK(*s3.bucket_region("art-eu") == "eu-west-1");
  auto put = s3.put_object(A, "eu-west-1", "art-eu", "k", std::string("data"));
  REQUIRE(put);
  CHECK(put->etag == "\"8d777f385d3dfec8815d20f7496026dc\"");
  auto wrong = s3.get_object(A, "us-east-1", "art-eu", "k");
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error().code == "PermanentRedirect");
  CHECK(wrong.error().status == 301);
  CHECK(wrong.error().field("Endpoint") == "art-eu.s3.eu-west-1.amazonaws.com");
  CHECK(*s3.get_object_text(A, "eu-west-1", "art-eu", "k") == "data");
  CHECK(s3.create_bucket(A, "us-east-1", "art-eu", kEu).error().code == "BucketAlreadyOwnedByYou");
  CHECK(s3.create_bucket("999999999999", "eu-west-1", "art-eu", kEu).error().code ==
        "BucketAlreadyExists");
  REQUIRE(s3.create_bucket(A, "us-east-1", "art-us", std::nullopt));
  CHECK(s3.create_bucket(A, "us-east-1", "art-us", std::nullopt));  // us-east-1 is idempotent
  CHECK(*s3.get_bucket_location(A, "art-us") == "");
  CHECK(s3.create_bucket(A, "eu-west-1", "art-2", std::string("eu-central-1")).error().message ==
        "The eu-central-1 location constraint is incompatible for the region specific endpoint "
        "this request was sent to.");
}

TEST_CASE("s3: bucket names follow the general purpose rules") {
  CHECK(s3::valid_bucket_name("my-bucket.1"));
  CHECK_FALSE(s3::valid_bucket_name("ab"));
  CHECK_FALSE(s3::valid_bucket_name("My-Bucket"));
  CHECK_FALSE(s3::valid_bucket_name("a..b"));
  CHECK_FALSE(s3::valid_bucket_name("-ab"));
  CHECK_FALSE(s3::valid_bucket_name("10.0.0.1"));
  CHECK_FALSE(s3::valid_bucket_name("xn--abc"));
  CHECK_FALSE(s3::valid_bucket_name("abc-s3alias"));
  CHECK(s3::check_key(std::string("a\0b", 3))->code == "InvalidArgument");
  CHECK(s3::check_key(std::string(1025, 'k'))->code == "KeyTooLongError");
  CHECK_FALSE(s3::check_key("../../etc/passwd"));
}

TEST_CASE("s3: files in and out, listing with delimiter and pagination") {
  fakes::Registry reg;
  test::TempDir dir;
  s3::Service s3(reg);
  REQUIRE(s3.create_bucket(A, "us-east-1", "files", std::nullopt));
  auto src = dir.path / "in.bin";
  std::ofstream(src, std::ios::binary) << std::string(300000, 'q');
  REQUIRE(s3.put_object_from_file(A, "us-east-1", "files", "a/in.bin", src));
  REQUIRE(s3.put_object(A, "us-east-1", "files", "a/b/c", std::string("c")));
  REQUIRE(s3.put_object(A, "us-east-1", "files", "z", std::string("z")));
  auto out = dir.path / "out.bin";
  auto info = s3.get_object_to_file(A, "us-east-1", "files", "a/in.bin", out);
  REQUIRE(info);
  CHECK(std::filesystem::file_size(out) == 300000);

  s3::ListRequest q;
  q.delimiter = "/";
  auto top = s3.list_objects(A, "us-east-1", "files", q);
  REQUIRE(top);
  CHECK(top->common_prefixes == std::vector<std::string>{"a/"});
  REQUIRE(top->contents.size() == 1);
  CHECK(top->contents[0].key == "z");
  q = {};
  q.max_keys = 2;
  auto p1 = s3.list_objects(A, "us-east-1", "files", q);
  REQUIRE(p1);
  CHECK(p1->truncated);
  q.continuation_token = p1->next_continuation_token;
  auto p2 = s3.list_objects(A, "us-east-1", "files", q);
  REQUIRE(p2);
  REQUIRE(p2->contents.size() == 1);
  CHECK(p2->contents[0].key == "z");
  CHECK_FALSE(p2->truncated);
}

TEST_CASE("s3: multipart ETag is the MD5 of the part MD5s, dash, count") {
  fakes::Registry reg;
  s3::Service s3(reg);
  s3.set_min_part_size(3);
  REQUIRE(s3.create_bucket(A, "us-east-1", "mp-bucket", std::nullopt));
  auto id = s3.create_multipart_upload(A, "us-east-1", "mp-bucket", "obj");
  REQUIRE(id);
  auto feed = [](std::string s) {
    return [s](const fakes::BodyChunk& sink) { return sink(s.data(), s.size()); };
  };
  auto p1 = s3.upload_part(A, "us-east-1", "mp-bucket", "obj", *id, 1, feed("abc"));
  auto p2 = s3.upload_part(A, "us-east-1", "mp-bucket", "obj", *id, 2, feed("de"));
  REQUIRE(p1);
  REQUIRE(p2);
  auto e1 = std::optional<std::string>(p1->etag);
  auto e2 = std::optional<std::string>(p2->etag);
  REQUIRE(e1);
  REQUIRE(e2);
  auto small = s3.complete_multipart_upload(A, "us-east-1", "mp-bucket", "obj", *id, {{1, *e2}});
  CHECK(small.error().code == "InvalidPart");
  auto done = s3.complete_multipart_upload(A, "us-east-1", "mp-bucket", "obj", *id, {{1, *e1}, {2, *e2}});
  REQUIRE(done);
  // md5(md5("abc") || md5("de")) computed independently with Python's hashlib.
  CHECK(done->etag == "\"fd279fa64fe1fa9a3551a4a88ae83424-2\"");
  CHECK(*s3.get_object_text(A, "us-east-1", "mp-bucket", "obj") == "abcde");
}

TEST_CASE("s3: Range header forms") {
  auto r = s3::parse_range("bytes=0-9", 100);
  REQUIRE(r);
  CHECK(r->first == 0);
  CHECK(r->length == 10);
  CHECK(s3::parse_range("bytes=-10", 100)->first == 90);
  CHECK(s3::parse_range("bytes=95-200", 100)->length == 5);
  CHECK_FALSE(s3::parse_range("bytes=100-", 100)->satisfiable);
  CHECK_FALSE(s3::parse_range("bytes=0-1,3-4", 100));
  CHECK_FALSE(s3::parse_range("items=0-1", 100));
  CHECK_FALSE(s3::parse_range("bytes=5-2", 100));
}

TEST_CASE("s3: aws-chunked bodies decode across arbitrary slices") {
  std::string wire =
      "5;chunk-signature=abc\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:AAAA\r\n\r\n";
  for (std::size_t step : {1u, 3u, 7u, 1000u}) {
    s3::AwsChunkedDecoder dec;
    std::string out;
    for (std::size_t i = 0; i < wire.size(); i += step)
      REQUIRE(dec.feed(wire.data() + i, std::min(step, wire.size() - i),
                       [&](const char* d, std::size_t n) {
                         out.append(d, n);
                         return true;
                       }));
    CHECK(out == "hello world");
    CHECK(dec.finished());
    CHECK(dec.trailers() == "x-amz-checksum-crc32:AAAA\n");
  }
  s3::AwsChunkedDecoder bad;
  CHECK_FALSE(bad.feed("zz\r\n", 4, [](const char*, std::size_t) { return true; }));
}
