;;; ephemera-lsp.el --- ephemera next to your language servers, through lsp-mode  -*- lexical-binding: t; -*-

;; ephemera as an lsp-mode add-on client: it runs beside the server lsp-mode already picks
;; for the buffer (terraform-ls, yaml-language-server, a JSON server) instead of replacing
;; it.  Its findings appear with the other server's diagnostics (Flycheck or Flymake),
;; `lsp-describe-thing-at-point' shows the rule's documentation and
;; `lsp-execute-code-action' offers its fix and the suppression comment.
;; lsp-mode 8.0+ (Debian: elpa-lsp-mode).

;;; Code:

(require 'lsp-mode)

(defgroup ephemera-lsp nil
  "ephemera serverless IaC analyzer, as an lsp-mode add-on."
  :group 'lsp-mode)

(defcustom ephemera-lsp-command '("ephemera" "lsp")
  "Command line that starts the ephemera language server."
  :type '(repeat string))

(defcustom ephemera-lsp-settings '()
  "Settings sent to the server as initializationOptions.
Understood: :minSeverity \"medium\", :disabledRules [\"EPH401\"] and :debounceMs 75
(a fixed delay; by default it follows the module's analysis time)."
  :type 'plist)

(defconst ephemera-lsp-file-regexp
  (rx (or ".tf" ".tf.json" ".tfvars" ".tfvars.json" ".yaml" ".yml" ".json" ".template") eos)
  "Files ephemera analyses (YAML and JSON that are no templates stay quiet).")

(defun ephemera-lsp--activate-p (file-name _mode)
  "Non-nil when FILE-NAME is a file ephemera analyses."
  (and file-name (string-match-p ephemera-lsp-file-regexp file-name)))

(lsp-register-client
 (make-lsp-client
  :new-connection (lsp-stdio-connection (lambda () ephemera-lsp-command))
  :activation-fn #'ephemera-lsp--activate-p
  :add-on? t                          ; beside terraform-ls / yaml-language-server, not instead
  :priority -1
  :server-id 'ephemera
  :initialization-options (lambda () ephemera-lsp-settings)))

(provide 'ephemera-lsp)
;;; ephemera-lsp.el ends here
