#include <catch2/catch.hpp>

#include "build/docker/endpoint.hpp"
#include "build/docker/frames.hpp"
#include "build/masker.hpp"
#include "build/shell_protocol.hpp"

using namespace pipemu::build;

TEST_CASE("shell protocol: markers are separated from output, the step's newline dropped", "[build]") {
  std::vector<std::string> lines;
  std::vector<std::pair<int, int>> marks;
  OutputParser p("@@m@@", [&](std::string_view l) { lines.emplace_back(l); },
                 [&](OutputParser::Marker m) { marks.push_back({m.kind == OutputParser::Marker::Kind::Rc, m.code}); });
  p.feed("hello\n\n@@m@@ rc 0\nno newline");
  p.feed("\n@@m@@ rc 3\n\nblank above\n\n@@m");
  p.feed("@@ exit 7\n");
  p.finish();
  CHECK(lines == std::vector<std::string>{"hello", "no newline", "", "blank above"});
  CHECK(marks == std::vector<std::pair<int, int>>{{1, 0}, {1, 3}, {0, 7}});
}

TEST_CASE("shell protocol: a forged marker with another nonce is plain output", "[build]") {
  std::vector<std::string> lines;
  int marks = 0;
  OutputParser p("@@pipemu-aaaa@@", [&](std::string_view l) { lines.emplace_back(l); },
                 [&](OutputParser::Marker) { ++marks; });
  p.feed("@@pipemu-bbbb@@ rc 0\n");
  p.finish();
  CHECK(marks == 0);
  CHECK(lines == std::vector<std::string>{"@@pipemu-bbbb@@ rc 0"});
}

TEST_CASE("shell protocol: quoting keeps values literal", "[build]") {
  CHECK(shell_quote("it's $HOME") == "'it'\\''s $HOME'");
  CHECK(export_script({{"A", "$PATH:/x"}}) == "export A='$PATH:/x'\n");
  CHECK(new_marker() != new_marker());
}

TEST_CASE("docker frames: demuxes frames split across chunks", "[build]") {
  std::string got;
  docker::FrameDemuxer::Sink sink = [&](int stream, std::string_view p) { got += std::to_string(stream) + ":" + std::string(p) + ";"; };
  docker::FrameDemuxer d(sink);
  std::string frames = std::string("\x01\0\0\0\0\0\0\x03" "abc", 11) + std::string("\x02\0\0\0\0\0\0\x02" "de", 10);
  d.feed(frames.substr(0, 5));
  d.feed(frames.substr(5, 9));
  d.feed(frames.substr(14));
  CHECK(got == "1:abc;2:de;");
  CHECK_FALSE(d.pending());
}

TEST_CASE("docker endpoint: DOCKER_HOST forms", "[build]") {
  auto def = docker::parse_docker_host("");
  REQUIRE(def);
  CHECK(def->describe() == "unix:///var/run/docker.sock");
  auto tcp = docker::parse_docker_host("tcp://10.0.0.5:2376");
  REQUIRE(tcp);
  CHECK(tcp->host == "10.0.0.5");
  CHECK(tcp->port == 2376);
  auto bad = docker::parse_docker_host("ssh://me@host");
  REQUIRE_FALSE(bad);
  CHECK(bad.error() == "DOCKER_HOST 'ssh://me@host': unsupported scheme (pipemu speaks unix:// and tcp://)");
}

TEST_CASE("masker: secrets become ***, longest first", "[build]") {
  Masker m;
  m.add("s3cr3t");
  m.add("s3cr3t-long");
  CHECK(m.mask("a s3cr3t-long and s3cr3t") == "a *** and ***");
}
