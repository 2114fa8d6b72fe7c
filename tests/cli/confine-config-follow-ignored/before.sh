mkdir -p ../outside
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
ln -s ../outside/template.yaml template.yaml
