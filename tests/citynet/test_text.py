from citynet.text import clean_search_text, has_control_characters


def test_clean_search_text():
    assert clean_search_text("  izin\x00usaha\n\tonline ", 100) == "izin usaha online"
    assert clean_search_text("\x00\x1b", 100) == ""
    assert clean_search_text("perizinan " * 50, 20) == "perizinan perizinan "[:20]
    assert clean_search_text("ünïcødé <b>", 100) == "ünïcødé <b>"
    assert has_control_characters("a\x00") and not has_control_characters("a b")
