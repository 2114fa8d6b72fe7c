;;; ephemera-eglot.el --- ephemera language server through eglot  -*- lexical-binding: t; -*-

;; Diagnostics from `ephemera lsp' in Terraform, CloudFormation and SAM buffers (Flymake),
;; the rule's documentation on hover (eldoc) and its fix or suppression comment as code
;; actions (`eglot-code-actions').  Emacs 29+ (eglot built in) or eglot from ELPA.

;;; Code:

(require 'eglot)

(defgroup ephemera nil
  "ephemera serverless IaC analyzer."
  :group 'tools)

(defcustom ephemera-command '("ephemera" "lsp")
  "Command line that starts the ephemera language server."
  :type '(repeat string))

(defcustom ephemera-settings '(:debounceMs 75)
  "Settings sent to the server (initializationOptions and workspace configuration).
Also understood: :minSeverity \"medium\" and :disabledRules [\"EPH401\"]."
  :type 'plist)

(defconst ephemera-modes
  '(terraform-mode hcl-mode yaml-mode yaml-ts-mode json-mode json-ts-mode js-json-mode)
  "Major modes whose buffers ephemera analyses.")

(add-to-list 'eglot-server-programs
             `(,ephemera-modes . ,(lambda (&rest _)
                                    (append ephemera-command
                                            (list :initializationOptions ephemera-settings)))))

(setq-default eglot-workspace-configuration
              (plist-put (default-value 'eglot-workspace-configuration) :ephemera ephemera-settings))

(provide 'ephemera-eglot)
;;; ephemera-eglot.el ends here
