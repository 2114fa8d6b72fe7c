#include "terraform/terraform_frontend.h"

#include "terraform/unit_loader.h"

namespace eph::terraform {

LoadedUnit load_module(const std::string& dir, const std::vector<std::string>& files, const FileProvider& fs,
                       const TerraformInputs& inputs) {
  UnitLoader loader(dir, fs);
  return loader.load(files, inputs);
}

}  // namespace eph::terraform
