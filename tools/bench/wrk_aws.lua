-- wrk script for tools/bench-fakes: SigV4-shaped requests (the scope is what pipemu reads; the
-- signature is not verified). BENCH_MODE = s3get | s3put | ssmget.
local mode = os.getenv("BENCH_MODE") or "s3get"
local scope = "AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/%s/aws4_request, " ..
              "SignedHeaders=host;x-amz-date, Signature=" .. string.rep("0", 64)
local body1k = string.rep("x", 1000)
local n = 0
-- Every PutObject body is unique (thread id + counter), so the blob store's content dedupe
-- cannot make the write path look faster than it is.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

if mode == "s3get" then
  wrk.method = "GET"
  wrk.path = "/bench/k0"
  wrk.headers["Authorization"] = scope:format("s3")
elseif mode == "ssmget" then
  wrk.method = "POST"
  wrk.path = "/"
  wrk.headers["Authorization"] = scope:format("ssm")
  wrk.headers["X-Amz-Target"] = "AmazonSSM.GetParameter"
  wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
  wrk.body = '{"Name": "/bench/p"}'
end

request = function()
  if mode == "s3put" then
    n = n + 1
    return wrk.format("PUT", "/bench/w" .. (n % 100), {
      ["Authorization"] = scope:format("s3"),
      ["Content-Type"] = "application/octet-stream"},
      body1k .. string.format("%08d%016d", tid or 0, n))
  end
  return wrk.format()
end
