# Cloudflare Workers: a plain_text binding is shown in the dashboard and the API; secrets
# belong in secret_text bindings. Provider 4 writes blocks, provider 5 a `bindings` list.

resource "cloudflare_worker_script" "v4" {
  account_id = "f037e56e89293a057740de681ac9abbe"
  name       = "checkout"
  content    = "export default { fetch() { return new Response('ok') } }"

  plain_text_binding {
    name = "STRIPE_KEY"
    text = "sk_live_51HabcD3fG7hJ9kL2mN4pQ6rS8tU0vW" # expect: EPH301 "secret_text"
  }

  plain_text_binding {
    name = "REGION"
    text = "eu"
  }
}

resource "cloudflare_workers_script" "v5" {
  account_id  = "f037e56e89293a057740de681ac9abbe"
  script_name = "orders"
  content     = "export default { fetch() { return new Response('ok') } }"
  bindings = [
    {
      name = "API_TOKEN"
      type = "plain_text"
      text = "9f8e7d6c5b4a39281706f5e4d3c2b1a0" # expect: EPH301 "plain_text binding API_TOKEN"
    },
    {
      name = "MODE"
      type = "plain_text"
      text = "production"
    },
  ]
}

resource "cloudflare_worker_version" "next" {
  account_id = "f037e56e89293a057740de681ac9abbe"
  worker_id  = "orders"
  bindings = [{
    name = "DB_PASSWORD"
    type = "plain_text"
    text = "Tr0ub4dor-and-3-horses" # expect: EPH301 "Worker version"
  }]
}
