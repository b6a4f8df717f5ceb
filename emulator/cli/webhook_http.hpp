#pragma once
// The webhook listener of `pipemu serve`: an HTTP server (cpp-httplib) that turns each request
// into a WebhookRequest for the receiver. Separate from the fakes' endpoint, as AWS serves
// webhooks from their own host (https://<region>.webhooks.aws/trigger?t=...&v=1).
#include <memory>
#include <string>

#include "cli/webhook_receiver.hpp"

namespace pipemu::cli {

class WebhookHttp {
 public:
  explicit WebhookHttp(WebhookReceiver& receiver);
  ~WebhookHttp();
  // Returns the bound port, or -1 (reason in error()). port 0: any free port.
  int bind(const std::string& host, int port);
  void run();  // serves until stop()
  void stop();
  const std::string& error() const { return error_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string error_;
};

}  // namespace pipemu::cli
