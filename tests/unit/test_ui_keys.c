/* The TUI's pure parts: key notation, the key map built from the action
 * table, script parsing, list movement and text matching. No terminal. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "ui/uipriv.h"

static void key_notation_round_trips(void **state)
{
    (void)state;
    static const char *const names[] = {"j", "G", "/", "C-d", "Enter", "Esc", "Down",
                                        "PgDn", "F1", "Space", "Tab", "BS", "Home"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        int k = ui_key_parse(names[i], strlen(names[i]));
        assert_true(k >= 0);
        char back[16];
        ui_key_name(k, back, sizeof back);
        assert_string_equal(back, names[i]);
    }
    assert_int_equal(ui_key_parse("C-l", 3), 12);
    assert_int_equal(ui_key_parse("c-L", 3), 12);
    assert_int_equal(ui_key_parse("Nope", 4), -1);
    assert_int_equal(ui_key_parse("F13", 3), -1);
    assert_int_equal(ui_key_parse("", 0), -1);
    /* A UTF-8 character is a key of its own. */
    assert_int_equal(ui_key_parse("\xc3\xa9", 2), 0xe9);
}

static void every_action_has_keys_and_help(void **state)
{
    (void)state;
    ui_keymap_defaults();
    int n = 0;
    for (const struct action_def *d = ui_actions; d->name; d++, n++) {
        assert_non_null(d->help);
        assert_non_null(d->keys[0]);
        for (int i = 0; i < ACTION_KEYS_MAX && d->keys[i]; i++) {
            int k = ui_key_parse(d->keys[i], strlen(d->keys[i]));
            assert_true(k >= 0);
            /* No default key is claimed by two actions. */
            assert_int_equal(ui_keymap_lookup(k), d->id);
        }
        assert_ptr_equal(ui_action_by_name(d->name), d);
    }
    assert_true(n >= 20);
    /* 3, 4 and 5 stay free until their screens exist. */
    assert_int_equal(ui_keymap_lookup('3'), ACT_NONE);
    assert_int_equal(ui_keymap_lookup('4'), ACT_NONE);
    assert_int_equal(ui_keymap_lookup('5'), ACT_NONE);
}

static void bindings_replace_the_defaults(void **state)
{
    (void)state;
    char err[160];
    ui_keymap_defaults();
    assert_int_equal(ui_keymap_bind("down", "J", err, sizeof err), 0);
    assert_int_equal(ui_keymap_lookup('J'), ACT_DOWN);
    assert_int_equal(ui_keymap_lookup('j'), ACT_NONE);
    assert_int_equal(ui_keymap_lookup(KEY_DOWN), ACT_NONE);
    /* A second binding adds to the first. */
    assert_int_equal(ui_keymap_bind("down", "Down", err, sizeof err), 0);
    assert_int_equal(ui_keymap_lookup('J'), ACT_DOWN);
    assert_int_equal(ui_keymap_lookup(KEY_DOWN), ACT_DOWN);
    char keys[64];
    ui_keymap_keys_of(ACT_DOWN, keys, sizeof keys);
    assert_string_equal(keys, "Down J");
    assert_int_equal(ui_keymap_bind("fly", "x", err, sizeof err), -1);
    assert_non_null(strstr(err, "fly"));
    assert_int_equal(ui_keymap_bind("up", "Hyper-k", err, sizeof err), -1);
    assert_non_null(strstr(err, "Hyper-k"));
}

static void scripts_parse(void **state)
{
    (void)state;
    struct script_step *st;
    size_t n;
    char err[160];
    const char *text = "# a comment line\njk<Enter><Dump>\n<Resize 60x15><lt><C-d>";
    assert_int_equal(ui_script_parse(text, &st, &n, err, sizeof err), 0);
    assert_int_equal(n, 7);
    assert_int_equal(st[0].kind, STEP_KEY);
    assert_int_equal(st[0].key, 'j');
    assert_int_equal(st[2].key, '\n');
    assert_int_equal(st[3].kind, STEP_DUMP);
    assert_int_equal(st[4].kind, STEP_RESIZE);
    assert_int_equal(st[4].cols, 60);
    assert_int_equal(st[4].lines, 15);
    assert_int_equal(st[5].key, '<');
    assert_int_equal(st[6].key, 4);
    assert_string_equal(st[6].label, "<C-d>");
    free(st);
    assert_int_equal(ui_script_parse("ab\n<Bogus>", &st, &n, err, sizeof err), -1);
    assert_non_null(strstr(err, "line 2"));
    assert_int_equal(ui_script_parse("<Enter", &st, &n, err, sizeof err), -1);
    assert_int_equal(ui_script_parse("<Resize 60>", &st, &n, err, sizeof err), -1);
}

static void lists_move_like_less(void **state)
{
    (void)state;
    size_t sel = 0, top = 0;
    /* 100 rows, 20 on screen. */
    assert_int_equal(ui_list_move(&sel, &top, 100, ACT_DOWN, 5, 20), 1);
    assert_int_equal(sel, 5);
    assert_int_equal(top, 0);
    ui_list_move(&sel, &top, 100, ACT_PAGE_DOWN, 1, 20);
    assert_int_equal(sel, 25);
    assert_int_equal(top, 20);
    ui_list_move(&sel, &top, 100, ACT_BOTTOM, 1, 20);
    assert_int_equal(sel, 99);
    assert_int_equal(top, 80);
    ui_list_move(&sel, &top, 100, ACT_PAGE_DOWN, 3, 20);
    assert_int_equal(sel, 99);
    assert_int_equal(top, 80);
    ui_list_move(&sel, &top, 100, ACT_HALF_UP, 1, 20);
    assert_int_equal(sel, 89);
    assert_int_equal(top, 70);
    ui_list_move(&sel, &top, 100, ACT_UP, 1000, 20);
    assert_int_equal(sel, 0);
    assert_int_equal(top, 0);
    assert_int_equal(ui_list_move(&sel, &top, 100, ACT_OPEN, 1, 20), 0);
    /* An empty list stays at 0. */
    ui_list_move(&sel, &top, 0, ACT_BOTTOM, 1, 20);
    assert_int_equal(sel, 0);
}

static void matching_ignores_case(void **state)
{
    (void)state;
    assert_true(ui_text_contains("Dr. Siti Aminah, S.Kep.", "aminah"));
    assert_true(ui_text_contains("Dr. Siti Aminah", ""));
    assert_false(ui_text_contains("Siti", "sitii"));
    assert_int_equal(ui_text_width("abc"), 3);
    assert_int_equal(ui_text_width("caf\xc3\xa9"), 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(key_notation_round_trips),
        cmocka_unit_test(every_action_has_keys_and_help),
        cmocka_unit_test(bindings_replace_the_defaults),
        cmocka_unit_test(scripts_parse),
        cmocka_unit_test(lists_move_like_less),
        cmocka_unit_test(matching_ignores_case),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
