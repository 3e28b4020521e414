#!/bin/sh
# Installs what tests/domain/documents/render.test.ts needs on a fresh Debian machine, when missing:
# LibreOffice Writer (headless .docx → PDF), poppler-utils (pdftotext, pdfinfo, pdftoppm) and open CJK
# faces that stand in for the offices' 仿宋/楷体/黑体/小标宋 (scripts/doc-fonts.conf maps the names):
#   fonts-noto-cjk          Noto Serif/Sans CJK SC (宋体, 黑体, 小标宋); also what the e2e suite uses
#   fonts-arphic-gkai00mp   AR PL KaitiM GB, 4.5 MB: a GB2312 楷体 that also stands in for 仿宋
# FandolFang (texlive-lang-chinese) would be closer to 仿宋, but pulls in ~100 MB of TeX Live.
# Idempotent and quiet: does nothing when everything is there. Needs root (or sudo) to install.
set -eu

need=""
command -v soffice >/dev/null 2>&1 || need="$need libreoffice-writer-nogui"
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || need="$need poppler-utils"
fc-list 2>/dev/null | grep -q 'Noto Serif CJK' || need="$need fonts-noto-cjk"
fc-list 2>/dev/null | grep -q 'AR PL KaitiM GB' || need="$need fonts-arphic-gkai00mp"
[ -z "$need" ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "ensure-doc-tools: installing$need" >&2
$SUDO apt-get update -qq >/dev/null
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need >/dev/null
