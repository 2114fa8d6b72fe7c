;;; emacs_clients.el --- run by emacs_clients.sh in `emacs --batch'  -*- lexical-binding: t; -*-
(require 'package)
(package-initialize)                    ; Debian's elpa-* packages
(add-to-list 'load-path (expand-file-name "editors/emacs" (getenv "EPH_SOURCE")))
(setq lsp-session-file (expand-file-name "lsp-session" temporary-file-directory)
      lsp-auto-guess-root t lsp-restart 'ignore)
(require 'yaml-mode)
;; terraform-mode is not packaged in Debian: a stand-in with its name is enough to select servers.
(define-derived-mode terraform-mode prog-mode "Terraform")
(add-to-list 'auto-mode-alist '("\\.tf\\'" . terraform-mode))

(defvar passed 0)
(defvar failed 0)
(defun check (ok what)
  (if ok (setq passed (1+ passed)) (setq failed (1+ failed)))
  (princ (format "%s: %s\n" (if ok "ok" "FAILED") what)))

(defun visit (name)
  (find-file (expand-file-name name (getenv "EPH_PROJECT"))))

;; lsp-mode: ephemera is an add-on client, selected together with the buffer's own server.
(require 'ephemera-lsp)
(lsp--require-packages)
;; lsp-mode 8 (Debian 12) runs terraform-ls through its `tfls' client; later versions call it `tfmls'.
(setq lsp-terraform-server '("terraform-ls" "serve"))
(dolist (case '(("template.yaml" yamlls) ("main.tf" tfls tfmls)))
  (with-current-buffer (visit (car case))
    (let ((ids (mapcar #'lsp--client-server-id (lsp--find-clients))))
      (check (and (memq 'ephemera ids) (seq-intersection (cdr case) ids))
             (format "lsp-mode starts ephemera next to %s for %s (selected: %S)" (cdr case) (car case) ids)))))
(check (lsp--client-add-on? (gethash 'ephemera lsp-clients)) "ephemera is an lsp-mode add-on client")

;; eglot: one server per buffer; ephemera-eglot.el says it replaces the usual one, and does.
(require 'ephemera-eglot)
(dolist (name '("template.yaml" "main.tf"))
  (with-current-buffer (visit name)
    (let ((contact (nth 3 (eglot--guess-contact))))
      (check (equal (seq-take contact 2) '("ephemera" "lsp"))
             (format "eglot starts ephemera for %s (contact: %S)" name contact)))))
(check (with-temp-buffer
         (insert-file-contents (locate-library "ephemera-eglot.el"))
         (search-forward "REPLACES the server eglot would otherwise start" nil t))
       "ephemera-eglot.el says that it replaces the mode's server")

(princ (format "emacs-clients: %d passed, %d failed\n" passed failed))
(kill-emacs (if (= failed 0) 0 1))
