;; A manual check (not run by ctest: Emacs is not a test dependency) that
;; Emacs 28 + eglot 1.9 (Debian 12: emacs-nox, elpa-eglot) works with
;; `mdrisk server`: diagnostics through flymake, a quick fix, formatting.
;;   mkdir -p /tmp/t/.git && cp tests/lsp/wide-tracker.md /tmp/t/t.md
;;   PATH=$PWD/build/tools/mdrisk:$PATH TRACKER=/tmp/t/t.md emacs --batch -l tests/lsp/eglot_try.el
;;   cp tests/lsp/wide-tracker.md /tmp/t/c.md && build/tools/mdrisk/mdrisk --fix /tmp/t/c.md; cmp /tmp/t/c.md /tmp/t/t.md.formatted
;; (the quick fix below is part of --fix, so the formatted buffer equals --fix of the original)
(package-initialize)
(require 'eglot)
(require 'flymake)
(setq eglot-sync-connect t)
(find-file (getenv "TRACKER"))
(text-mode)
(eglot '(text-mode) (project-current) 'eglot-lsp-server '("mdrisk" "server") "markdown")
(flymake-start)
(let ((n 0))
  (while (and (< n 100) (null (flymake-diagnostics)))
    (accept-process-output nil 0.05) (flymake-start) (setq n (1+ n))))
(message "eglot: %d flymake diagnostics" (length (flymake-diagnostics)))
(dolist (d (seq-take (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))) 3))
  (message "  line %d col %d: %s" (line-number-at-pos (flymake-diagnostic-beg d))
           (save-excursion (goto-char (flymake-diagnostic-beg d)) (current-column))
           (flymake-diagnostic-text d)))
;; The quick fix for the MR106 finding on line 7, via the server's code action.
(goto-char (point-min)) (forward-line 6) (search-forward "high") (backward-char 2)
(let* ((server (eglot-current-server))
       (actions (jsonrpc-request server :textDocument/codeAction
                                 (list :textDocument (eglot--TextDocumentIdentifier)
                                       :range (list :start (eglot--pos-to-lsp-position) :end (eglot--pos-to-lsp-position))
                                       :context (list :diagnostics [])))))
  (message "code actions: %S" (mapcar (lambda (a) (plist-get a :title)) actions))
  (eglot--apply-workspace-edit (plist-get (aref actions 0) :edit)))
(message "line 7 now: %s" (buffer-substring (line-beginning-position) (line-end-position)))
(eglot-format-buffer)
(write-region (point-min) (point-max) (concat (getenv "TRACKER") ".formatted"))
(message "formatted; line 5: %s" (save-excursion (goto-char (point-min)) (forward-line 4) (buffer-substring (line-beginning-position) (line-end-position))))
(eglot-shutdown (eglot-current-server))
(kill-emacs 0)
