# 10,000 nested brackets in HCL, a YAML template and a JSON template.
open=$(printf '[%.0s' $(seq 10000)); close=$(printf ']%.0s' $(seq 10000))
mkdir -p hcl
printf 'locals {\n  x = %s%s\n}\n' "$open" "$close" > hcl/main.tf
printf 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags: %s%s\n' "$open" "$close" > template.yaml
printf '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"Tags": %s%s}}}}\n' "$open" "$close" > template.json
# Block nesting in YAML: 2,000 levels of indentation (2 MB; 10,000 would pass the size limit).
{ printf 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n'
  for i in $(seq 2000); do printf '%*s- \n' $((6 + i)) ''; done; } > blocks.yaml
