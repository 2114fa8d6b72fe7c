# Secrets in secret_text bindings, plain_text bindings holding configuration only.

variable "stripe_key" {
  type      = string
  sensitive = true
}

resource "cloudflare_worker_script" "v4" {
  account_id = "f037e56e89293a057740de681ac9abbe"
  name       = "checkout"
  content    = "export default { fetch() { return new Response('ok') } }"

  secret_text_binding {
    name = "STRIPE_KEY"
    text = var.stripe_key
  }

  plain_text_binding {
    name = "TOKEN_URL"
    text = "https://auth.example.com/token"
  }
}

resource "cloudflare_workers_script" "v5" {
  account_id  = "f037e56e89293a057740de681ac9abbe"
  script_name = "orders"
  content     = "export default { fetch() { return new Response('ok') } }"
  bindings = [
    {
      name = "API_TOKEN"
      type = "secret_text"
      text = var.stripe_key
    },
    {
      name = "MODE"
      type = "plain_text"
      text = "production"
    },
    {
      name         = "KV_SECRET_CACHE"
      type         = "kv_namespace"
      namespace_id = "0f2ac74b498b48028cb68387c421e279"
    },
  ]
}
