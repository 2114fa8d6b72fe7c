;;; ephemera-eglot.el --- ephemera language server through eglot  -*- lexical-binding: t; -*-

;; Diagnostics from `ephemera lsp' in Terraform, CloudFormation and SAM buffers (Flymake),
;; the rule's documentation on hover (eldoc) and its fix or suppression comment as code
;; actions (`eglot-code-actions').  Emacs 29+ (eglot built in) or eglot from ELPA.
;;
;; eglot runs ONE server per buffer: in the modes of `ephemera-eglot-modes' ephemera
;; REPLACES the server eglot would otherwise start (terraform-ls, yaml-language-server,
;; a JSON server).  To keep those and add ephemera, use lsp-mode and ephemera-lsp.el
;; instead (an add-on client).  With eglot, `C-u M-x eglot' still asks which server to
;; start in one buffer.

;;; Code:

(require 'eglot)

(defgroup ephemera nil
  "ephemera serverless IaC analyzer."
  :group 'tools)

(defcustom ephemera-command '("ephemera" "lsp")
  "Command line that starts the ephemera language server."
  :type '(repeat string))

(defcustom ephemera-settings '()
  "Settings sent to the server (initializationOptions and workspace configuration).
Understood: :minSeverity \"medium\", :disabledRules [\"EPH401\"] and :debounceMs 75
(a fixed delay; by default it follows the module's analysis time)."
  :type 'plist)

(defcustom ephemera-eglot-modes
  '(terraform-mode hcl-mode yaml-mode yaml-ts-mode json-mode json-ts-mode js-json-mode)
  "Major modes in which eglot starts ephemera INSTEAD of the mode's usual server.
Set it before loading this file; leave a mode out to keep its usual server there."
  :type '(repeat symbol))

(add-to-list 'eglot-server-programs
             `(,ephemera-eglot-modes . ,(lambda (&rest _)
                                          (append ephemera-command
                                                  (list :initializationOptions ephemera-settings)))))

(setq-default eglot-workspace-configuration
              (plist-put (default-value 'eglot-workspace-configuration) :ephemera ephemera-settings))

(provide 'ephemera-eglot)
;;; ephemera-eglot.el ends here
