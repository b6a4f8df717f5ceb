# Fakes through real clients: the python aws CLI (v1, AWS_ENDPOINT_URL) and boto3 against
# `pipemu serve` on a free port, a differential run against moto_server, and bad input with a
# server killed mid-upload. Each script starts its own server with a private state directory.
set(_fakes_dir ${CMAKE_CURRENT_LIST_DIR}/fakes)
set(_fakes_env PIPEMU_BINARY=$<TARGET_FILE:pipemu> AWS_EC2_METADATA_DISABLED=true)

add_test(NAME "fakes: aws cli s3 mb/cp/ls/rm/sync, multipart, redirect"
         COMMAND bash ${_fakes_dir}/cli_s3.sh $<TARGET_FILE:pipemu>)
add_test(NAME "fakes: aws cli ssm put/get/by-path and cloudformation package"
         COMMAND bash ${_fakes_dir}/cli_ssm_package.sh $<TARGET_FILE:pipemu>)
add_test(NAME "fakes: boto3 s3" COMMAND python3 ${_fakes_dir}/boto3_s3.py)
add_test(NAME "fakes: boto3 ssm" COMMAND python3 ${_fakes_dir}/boto3_ssm.py)
add_test(NAME "fakes: bad input and a server killed mid-upload"
         COMMAND python3 ${_fakes_dir}/bad_input.py)
add_test(NAME "fakes: differential against moto_server" COMMAND python3 ${_fakes_dir}/moto_diff.py)
add_test(NAME "fakes: s3 checksums, Content-MD5, UploadPartCopy, blob collection (boto3, aws cli)"
         COMMAND python3 ${_fakes_dir}/boto3_integrity.py)
set_tests_properties(
  "fakes: aws cli s3 mb/cp/ls/rm/sync, multipart, redirect"
  "fakes: aws cli ssm put/get/by-path and cloudformation package"
  "fakes: boto3 s3" "fakes: boto3 ssm" "fakes: bad input and a server killed mid-upload"
  "fakes: differential against moto_server"
  "fakes: s3 checksums, Content-MD5, UploadPartCopy, blob collection (boto3, aws cli)"
  PROPERTIES LABELS fakes TIMEOUT 300 ENVIRONMENT "${_fakes_env}")
