#include "fakes/s3/errors.hpp"

#include <fmt/format.h>

namespace pipemu::s3 {

using fakes::aws_error;

AwsError no_such_bucket(const std::string& bucket) {
  return aws_error("NoSuchBucket", "The specified bucket does not exist", 404)
      .with("BucketName", bucket);
}
AwsError no_such_key(const std::string& key) {
  return aws_error("NoSuchKey", "The specified key does not exist.", 404).with("Key", key);
}
AwsError bucket_not_empty(const std::string& bucket) {
  return aws_error("BucketNotEmpty", "The bucket you tried to delete is not empty", 409)
      .with("BucketName", bucket);
}
AwsError invalid_bucket_name(const std::string& bucket) {
  return aws_error("InvalidBucketName", "The specified bucket is not valid.", 400)
      .with("BucketName", bucket);
}
AwsError already_owned_by_you(const std::string& bucket) {
  return aws_error("BucketAlreadyOwnedByYou",
                   "Your previous request to create the named bucket succeeded and you already "
                   "own it.",
                   409)
      .with("BucketName", bucket);
}
AwsError already_exists(const std::string& bucket) {
  return aws_error("BucketAlreadyExists",
                   "The requested bucket name is not available. The bucket namespace is shared by "
                   "all users of the system. Please select a different name and try again.",
                   409)
      .with("BucketName", bucket);
}
AwsError invalid_location_constraint(const std::string& constraint) {
  return aws_error("InvalidLocationConstraint", "The specified location-constraint is not valid",
                   400)
      .with("LocationConstraint", constraint);
}
AwsError illegal_location_constraint(const std::string& constraint) {
  return aws_error("IllegalLocationConstraintException",
                   fmt::format("The {} location constraint is incompatible for the region "
                               "specific endpoint this request was sent to.",
                               constraint.empty() ? "unspecified" : constraint),
                   400);
}
AwsError permanent_redirect(const std::string& bucket, const std::string& bucket_region) {
  return aws_error("PermanentRedirect",
                   "The bucket you are attempting to access must be addressed using the "
                   "specified endpoint. Please send all future requests to this endpoint.",
                   301)
      .with("Endpoint", fmt::format("{}.s3.{}.amazonaws.com", bucket, bucket_region))
      .with("Bucket", bucket)
      .with_header("x-amz-bucket-region", bucket_region);
}
AwsError invalid_range(const std::string& range, std::uint64_t size) {
  return aws_error("InvalidRange", "The requested range is not satisfiable", 416)
      .with("RangeRequested", range)
      .with("ActualObjectSize", std::to_string(size));
}
AwsError no_such_upload(const std::string& upload_id) {
  return aws_error("NoSuchUpload",
                   "The specified upload does not exist. The upload ID may be invalid, or the "
                   "upload may have been aborted or completed.",
                   404)
      .with("UploadId", upload_id);
}
AwsError invalid_part() {
  return aws_error("InvalidPart",
                   "One or more of the specified parts could not be found.  The part may not have "
                   "been uploaded, or the specified entity tag may not match the part's entity "
                   "tag.");
}
AwsError invalid_part_order() {
  return aws_error("InvalidPartOrder",
                   "The list of parts was not in ascending order. The parts list must be "
                   "specified in order by part number.");
}
AwsError entity_too_small(std::uint64_t size, std::uint64_t min) {
  return aws_error("EntityTooSmall",
                   "Your proposed upload is smaller than the minimum allowed object size.")
      .with("ProposedSize", std::to_string(size))
      .with("MinSizeAllowed", std::to_string(min));
}
AwsError malformed_xml() {
  return aws_error("MalformedXML",
                   "The XML you provided was not well-formed or did not validate against our "
                   "published schema");
}
AwsError invalid_argument(const std::string& message, const std::string& name,
                          const std::string& value) {
  auto e = aws_error("InvalidArgument", message);
  if (!name.empty()) e.with("ArgumentName", name).with("ArgumentValue", value);
  return e;
}
AwsError key_too_long(std::size_t size) {
  return aws_error("KeyTooLongError", "Your key is too long")
      .with("MaxSizeAllowed", "1024")
      .with("Size", std::to_string(size));
}
AwsError bad_digest() {
  return aws_error("BadDigest", "The Content-MD5 you specified did not match what we received.");
}
AwsError invalid_digest() {
  return aws_error("InvalidDigest", "The Content-MD5 you specified was invalid.");
}
AwsError bad_checksum(const std::string& algorithm) {
  return aws_error("BadDigest",
                   fmt::format("The {} you specified did not match the calculated checksum.",
                               algorithm));
}
AwsError invalid_checksum_value(const std::string& header) {
  return aws_error("InvalidRequest", fmt::format("Value for {} header is invalid.", header));
}
AwsError invalid_copy_range() {
  return aws_error("InvalidArgument",
                   "The x-amz-copy-source-range value must be of the form bytes=first-last where "
                   "first and last are the zero-based offsets of the first and last bytes to copy")
      .with("ArgumentName", "x-amz-copy-source-range");
}
AwsError copy_range_unsatisfiable(const std::string& range, std::uint64_t size) {
  return aws_error("InvalidRange", "The requested range is not satisfiable", 416)
      .with("RangeRequested", range)
      .with("ActualObjectSize", std::to_string(size));
}
AwsError copy_to_itself() {
  return aws_error("InvalidRequest",
                   "This copy request is illegal because it is trying to copy an object to itself "
                   "without changing the object's metadata, storage class, website redirect "
                   "location or encryption attributes.");
}
AwsError incomplete_body() {
  return aws_error("IncompleteBody",
                   "You did not provide the number of bytes specified by the Content-Length HTTP "
                   "header");
}
AwsError not_implemented(const std::string& what) {
  return aws_error("NotImplemented",
                   fmt::format("A header or query you provided implies functionality that is not "
                               "implemented ({} is not supported by pipemu's S3 fake).",
                               what),
                   501);
}

}  // namespace pipemu::s3
