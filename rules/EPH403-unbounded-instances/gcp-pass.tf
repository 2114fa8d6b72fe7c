# Google Cloud: Cloud Run v1 whose revision annotations the code cannot know (merged with a
# variable that has no value): the maxScale annotation may be among them, so the ceiling is
# unknown, not missing.
variable "template_annotations" {
  type = map(string)
}

resource "google_cloud_run_service" "merged_annotations" {
  name     = "merged-annotations"
  location = "europe-west1"
  template {
    metadata {
      annotations = merge(var.template_annotations, { "run.googleapis.com/client-name" = "terraform" })
    }
    spec {
      containers {
        image = "gcr.io/p/app:1"
      }
    }
  }
}
