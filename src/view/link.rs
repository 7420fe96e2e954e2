//! Links from a timeline file: web and mail addresses open in the browser on a click; anything else
//! (`javascript:`, `file:`, `data:`, a bare word) is shown as plain text that does nothing, since a
//! timeline file is someone else's data and should not run or open things on this machine.

use super::elide;

/// The schemes a click opens.
const OPENABLE_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// The longest address shown in a tooltip or as plain text, in characters.
const MAX_SHOWN_CHARS: usize = 300;

/// Whether a click on `url` opens it: an `http`, `https` or `mailto` address with something after the
/// scheme, and no white space or control characters in it.
pub fn openable(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once(':') else {
        return false;
    };
    let scheme_ok = OPENABLE_SCHEMES
        .iter()
        .any(|s| s.eq_ignore_ascii_case(scheme));
    let rest = if scheme.eq_ignore_ascii_case("mailto") {
        rest
    } else {
        match rest.strip_prefix("//") {
            Some(host_and_path) => host_and_path,
            None => return false,
        }
    };
    scheme_ok && !rest.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Shows `label` as a link to `url` when [`openable`], else as plain text with the address beside it.
pub fn link_ui(ui: &mut egui::Ui, label: &str, url: &str) -> egui::Response {
    let shown_url = elide::one_line(url, MAX_SHOWN_CHARS);
    if openable(url) {
        ui.hyperlink_to(label, url).on_hover_text(shown_url)
    } else {
        ui.horizontal_wrapped(|ui| {
            ui.label(label);
            ui.weak(format!("({shown_url})"));
        })
        .response
        .on_hover_text("Not opened: dateline opens only web (http, https) and mail addresses")
    }
}

#[cfg(test)]
mod tests {
    use super::openable;

    #[test]
    fn web_and_mail_addresses_open() {
        for url in [
            "https://www.congress.gov/bill/93rd-congress/house-bill/10710",
            "http://example.org",
            "HTTPS://EXAMPLE.ORG/A",
            "mailto:desk@example.org",
        ] {
            assert!(openable(url), "{url}");
        }
    }

    #[test]
    fn other_schemes_and_odd_addresses_do_not() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "example.org",
            "https:",
            "https://",
            "https:example.org",
            "https://example.org/a b",
            "https://example.org/\n",
            "",
        ] {
            assert!(!openable(url), "{url}");
        }
    }
}
