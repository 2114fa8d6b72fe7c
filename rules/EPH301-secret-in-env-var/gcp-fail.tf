# Google Cloud: literal secrets in the build environment of a source deploy. Buildpacks read
# these at build time, and they stay in the function's configuration like runtime variables.

resource "google_cloudfunctions_function" "report" {
  name          = "report"
  runtime       = "nodejs20"
  max_instances = 3

  build_environment_variables = {
    NPM_TOKEN = "npm_0123456789abcdefghijABCDEFGHIJ0123" # expect: EPH301 "build environment variable NPM_TOKEN"
    NODE_ENV  = "production"
  }
}

resource "google_cloudfunctions2_function" "ingest" {
  name     = "ingest"
  location = "europe-west1"

  build_config {
    runtime     = "python312"
    entry_point = "ingest"
    environment_variables = {
      PIP_INDEX_URL = "https://build:Zq8vN2pL5wX4@pypi.example.com/simple" # expect: EPH301 "Secret Manager"
    }
  }

  service_config {
    max_instance_count = 3
  }
}

resource "google_cloud_run_v2_service" "render" {
  name     = "render"
  location = "europe-west1"

  build_config {
    source_location = "gs://src-bucket/render.zip"
    function_target = "render"
    environment_variables = {
      GITHUB_TOKEN = "ghp_0123456789abcdefghijABCDEFGHIJ012345" # expect: EPH301 "value_source.secret_key_ref"
    }
  }

  template {
    scaling {
      max_instance_count = 5
    }
    containers {
      image = "europe-docker.pkg.dev/p/r/render:1"
    }
  }
}
