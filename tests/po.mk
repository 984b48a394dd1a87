# Translations: `make po` extracts every _() and N_() string of src/ into
# po/mutasi.pot and merges it into po/id.po and po/en.po (en: msgstr =
# msgid). New Indonesian strings then need translating by hand;
# tests/e2e/t_po_complete.sh fails until they are. Entries whose message
# left the sources stay as obsolete (#~) entries, so that a message that
# comes back (or arrives with a branch merged later) keeps its translation.
POT_SOURCES = $(shell find src -name '*.c' | sort)
XGETTEXT_FLAGS = --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=NC_:1c,2 \
  --add-comments=TRANSLATORS: --package-name=mutasi --package-version=$(VERSION) \
  --msgid-bugs-address= --sort-by-file --no-wrap

.PHONY: po
po:
	xgettext $(XGETTEXT_FLAGS) -o po/mutasi.pot $(POT_SOURCES)
	@for l in id en; do \
	  if [ -f po/$$l.po ]; then \
	    msgmerge --quiet --update --backup=none --no-fuzzy-matching --no-wrap po/$$l.po po/mutasi.pot; \
	  else \
	    msginit --no-translator --no-wrap --locale=$$l --input=po/mutasi.pot --output-file=po/$$l.po; \
	  fi; \
	done
	sed -i 's/charset=ASCII/charset=UTF-8/' po/id.po po/en.po
	msgen --no-wrap po/en.po -o po/en.po.tmp && mv po/en.po.tmp po/en.po
	@echo "untranslated in po/id.po: $$(msgattrib --untranslated po/id.po | grep -c '^msgid' || true)"
