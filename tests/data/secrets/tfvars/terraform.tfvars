stripe_key             = "sk_live_4eC39HqLyjWDarjtT1zdp7dc" # expect: EPH301
webhook_signing_secret = "whsec-plain-7Kq2Lx9"
