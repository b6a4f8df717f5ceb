// The webhook receiver of `pipemu serve` without sockets: which status and text each delivery
// gets, and that only an authenticated, matching push reaches the starter. Plus the per-pipeline
// execution queues: one at a time per pipeline, pipelines side by side.
#include <atomic>
#include <mutex>
#include <chrono>
#include <sstream>
#include <thread>

#include <catch2/catch.hpp>

#include "cli/execution_queue.hpp"
#include "cli/webhook_receiver.hpp"
#include "source/webhook.hpp"

using namespace pipemu;
using namespace pipemu::cli;

namespace {

struct Fixture {
  std::ostringstream log;
  engine::RandomIds ids{42};
  std::vector<WebhookStart> started;
  int resolved = 0;
  std::string resolve_error;
  WebhookReceiver receiver{
      "eu-west-1",
      {{"GithubWebhook", "tok123"}},
      [this](const std::string&) -> Expected<ResolvedWebhook, std::string> {
        ++resolved;
        if (!resolve_error.empty()) return unexpected(resolve_error);
        ResolvedWebhook r;
        r.config.secret = "s3cret";
        r.config.filters = {{"$.ref", "refs/heads/{Branch}"}};
        r.config.action_configuration = {{"Branch", "master"}};
        r.pipeline_name = "service-x";
        return r;
      },
      [this](const WebhookStart& s) { started.push_back(s); }, ids, log};

  WebhookReply deliver(const std::string& branch, const std::string& secret, const std::string& token = "tok123") {
    WebhookRequest rq;
    rq.path = "/webhooks/eu-west-1/trigger";
    rq.token = token;
    rq.body = R"({"ref":"refs/heads/)" + branch + R"(","after":"0123456789abcdef0123456789abcdef01234567"})";
    if (!secret.empty()) rq.signature_256 = source::github_signature(secret, rq.body);
    rq.delivery = "d1";
    return receiver.handle(rq);
  }
};

}  // namespace

TEST_CASE("a signed push to the tracked branch starts an execution and names its id") {
  Fixture f;
  auto reply = f.deliver("master", "s3cret");
  CHECK(reply.status == 200);
  REQUIRE(f.started.size() == 1);
  const auto& s = f.started[0];
  CHECK(s.branch == "master");
  CHECK(s.commit == "0123456789abcdef0123456789abcdef01234567");
  CHECK(s.pipeline_name == "service-x");
  CHECK(reply.body == "started execution " + s.execution_id + " of pipeline service-x (master 0123456789ab)\n");
  CHECK(f.log.str() == "webhook GithubWebhook: 200 " + reply.body.substr(0, reply.body.size() - 1) +
                           " (delivery d1)\n");
}

TEST_CASE("bad or missing signatures are 401 with the reason, and start nothing") {
  Fixture f;
  auto wrong = f.deliver("master", "other");
  CHECK(wrong.status == 401);
  CHECK(wrong.body == "X-Hub-Signature-256 does not match the webhook's SecretToken\n");
  auto missing = f.deliver("master", "");
  CHECK(missing.status == 401);
  CHECK(missing.body == "missing X-Hub-Signature-256 header\n");
  CHECK(f.started.empty());
  CHECK(f.log.str().find("webhook GithubWebhook: 401 missing X-Hub-Signature-256 header (delivery d1)") !=
        std::string::npos);
}

TEST_CASE("a push to another branch answers 200 and says why nothing started") {
  Fixture f;
  auto reply = f.deliver("feature", "s3cret");
  CHECK(reply.status == 200);
  CHECK(reply.body ==
        "started nothing: filter $.ref is 'refs/heads/feature', not 'refs/heads/master': no execution started\n");
  CHECK(f.started.empty());
}

TEST_CASE("unknown tokens, other regions and other methods are refused before resolving") {
  Fixture f;
  CHECK(f.deliver("master", "s3cret", "nope").status == 404);
  WebhookRequest rq;
  rq.path = "/webhooks/us-east-1/trigger";
  rq.token = "tok123";
  CHECK(f.receiver.handle(rq).status == 404);
  rq.path = "/webhooks/eu-west-1/trigger";
  rq.method = "GET";
  CHECK(f.receiver.handle(rq).status == 405);
  CHECK(f.resolved == 0);
  CHECK(f.started.empty());
}

TEST_CASE("a webhook that cannot be resolved is a 500 naming why") {
  Fixture f;
  f.resolve_error = "No export named GitHubOauthToken found.";
  auto reply = f.deliver("master", "s3cret");
  CHECK(reply.status == 500);
  CHECK(reply.body == "cannot resolve the webhook: No export named GitHubOauthToken found.\n");
}

TEST_CASE("a form-encoded delivery is refused with the fix") {
  Fixture f;
  WebhookRequest rq;
  rq.path = "/webhooks/eu-west-1/trigger";
  rq.token = "tok123";
  rq.content_type = "application/x-www-form-urlencoded";
  rq.body = "payload=%7B%7D";
  rq.signature_256 = source::github_signature("s3cret", rq.body);
  auto reply = f.receiver.handle(rq);
  CHECK(reply.status == 400);
  CHECK(reply.body == "the payload is form-encoded: set the GitHub hook's content type to application/json\n");
}

namespace {
bool wait_for(const std::atomic<bool>& flag) {
  for (int i = 0; i < 500 && !flag; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return flag;
}
}  // namespace

TEST_CASE("executions of one pipeline run one at a time; other pipelines run alongside") {
  std::atomic<int> running_a{0}, max_a{0};
  std::atomic<bool> a_started{false}, b_started{false}, a_saw_b{false}, b_saw_a{false};
  std::vector<int> order;
  std::mutex order_mutex;
  {
    ExecutionQueues queues;
    for (int i = 0; i < 3; ++i)
      queues.submit("a", [&, i] {
        int now = ++running_a;
        max_a = std::max(max_a.load(), now);
        {
          std::lock_guard lock(order_mutex);
          order.push_back(i);
        }
        a_started = true;
        if (i == 0) a_saw_b = wait_for(b_started);  // b must run while a's first job runs
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        --running_a;
      });
    queues.submit("b", [&] {
      b_started = true;
      b_saw_a = wait_for(a_started);
    });
    queues.drain();
  }
  CHECK(max_a == 1);
  CHECK(order == std::vector<int>{0, 1, 2});
  CHECK(a_saw_b);
  CHECK(b_saw_a);
}
