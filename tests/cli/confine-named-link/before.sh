# The pre-commit hook names the changed files: a changed file that is a link leading out of its
# directory is not read.
mkdir -p ../outside repo
cat > ../outside/template.yaml <<'YAML'
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Open:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: OUTSIDE-SECRET-7f3a
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
YAML
ln -s ../../outside/template.yaml repo/changed.yaml
