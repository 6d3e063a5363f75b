//! Which browser engine the suite drives, chosen once per run with `E2E_ENGINE`
//! (`chromium`, the default, `firefox` or `webkit`), and what each engine can be asked to do.
//!
//! Every test runs in whichever engine is chosen; a test that needs something an engine
//! cannot do asks [`Engine::supports`] (through `E2e::skip_unless`) and is skipped with the
//! reason printed and recorded, never passed silently.

use std::path::{Path, PathBuf};

use serde_json::{json, Map, Value};

/// A browser engine and its W3C WebDriver server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Chromium through chromedriver.
    Chromium,
    /// Firefox (Gecko) through geckodriver.
    Firefox,
    /// WebKitGTK's MiniBrowser (Safari's engine) through WebKitWebDriver, on a private Xvfb.
    WebKit,
}

/// Something a test may need that not every engine's WebDriver offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature {
    /// Chrome DevTools Protocol commands (`goog/cdp/execute`): chromedriver only.
    DevTools,
    /// Starting with `prefers-color-scheme: dark` or `prefers-reduced-motion: reduce`:
    /// CDP media emulation in Chromium, preferences in Firefox, MiniBrowser's `--dark-mode` and GTK settings in WebKitGTK.
    MediaEmulation,
    /// Starting with WebAssembly turned off: V8's `--jitless` in Chromium, a preference in Firefox.
    /// WebKitGTK has no switch for it (JavaScriptCore's `JSC_useWebAssembly=false` still
    /// leaves `WebAssembly` defined).
    DisableWebAssembly,
    /// Starting with JavaScript turned off: a content setting in Chromium, a preference in
    /// Firefox, a WebKitSettings switch on MiniBrowser's command line in WebKitGTK.
    DisableJavaScript,
    /// A `fetch()` taking the response of an earlier `<link rel=preload as=fetch>`. WebKitGTK
    /// under WebDriver downloads the file again, Trunk's preloaded wasm included.
    PreloadReuse,
}

impl Feature {
    /// What the feature is, for skip messages.
    pub fn describe(self) -> &'static str {
        match self {
            Feature::DevTools => "Chrome DevTools Protocol commands",
            Feature::MediaEmulation => "emulating prefers-color-scheme or prefers-reduced-motion",
            Feature::DisableWebAssembly => "starting the browser with WebAssembly turned off",
            Feature::DisableJavaScript => "starting the browser with JavaScript turned off",
            Feature::PreloadReuse => "a fetch taking a preloaded response",
        }
    }
}

/// How the browser is started: media features to emulate and whether WebAssembly or
/// JavaScript is off.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Launch {
    pub dark: bool,
    pub reduced_motion: bool,
    pub without_webassembly: bool,
    pub without_javascript: bool,
}

impl Launch {
    /// The features this launch needs from the engine.
    pub fn needs(self) -> Vec<Feature> {
        let mut needs = Vec::new();
        if self.dark || self.reduced_motion {
            needs.push(Feature::MediaEmulation);
        }
        if self.without_webassembly {
            needs.push(Feature::DisableWebAssembly);
        }
        if self.without_javascript {
            needs.push(Feature::DisableJavaScript);
        }
        needs
    }
}

/// The window every session starts with (tests may resize it).
pub const WINDOW: (u32, u32) = (1280, 900);

impl Engine {
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

    /// The engine named by `E2E_ENGINE` (Chromium when unset); panics on an unknown name.
    pub fn current() -> Engine {
        match std::env::var("E2E_ENGINE") {
            Err(_) => Engine::Chromium,
            Ok(name) if name.is_empty() => Engine::Chromium,
            Ok(name) => Engine::ALL
                .into_iter()
                .find(|e| e.name() == name.to_ascii_lowercase())
                .unwrap_or_else(|| {
                    panic!("E2E_ENGINE={name:?}: expected chromium, firefox or webkit")
                }),
        }
    }

    /// Lower-case name, as `E2E_ENGINE` takes it and as output folders are named.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    /// Name for people.
    pub fn label(self) -> &'static str {
        match self {
            Engine::Chromium => "Chromium",
            Engine::Firefox => "Firefox",
            Engine::WebKit => "WebKit",
        }
    }

    pub fn supports(self, feature: Feature) -> bool {
        match feature {
            Feature::DevTools => self == Engine::Chromium,
            Feature::MediaEmulation => true,
            Feature::DisableWebAssembly => self != Engine::WebKit,
            Feature::DisableJavaScript => true,
            Feature::PreloadReuse => self != Engine::WebKit,
        }
    }

    /// The WebDriver server: `$CHROMEDRIVER`, `$GECKODRIVER` or `$WEBKITDRIVER`, else its
    /// usual place.
    pub fn driver_path(self) -> PathBuf {
        match self {
            Engine::Chromium => env_path("CHROMEDRIVER", "/usr/bin/chromedriver"),
            Engine::Firefox => std::env::var_os("GECKODRIVER")
                .filter(|p| !p.is_empty())
                .map(PathBuf::from)
                .or_else(|| {
                    let home = std::env::var_os("HOME")?;
                    let path = Path::new(&home).join(".cargo/bin/geckodriver");
                    path.is_file().then_some(path)
                })
                .unwrap_or_else(|| PathBuf::from("/usr/local/bin/geckodriver")),
            Engine::WebKit => env_path("WEBKITDRIVER", "/usr/bin/WebKitWebDriver"),
        }
    }

    /// The browser binary: `$CHROMIUM`, `$FIREFOX` or `$MINIBROWSER`, else Debian's.
    pub fn browser_path(self) -> PathBuf {
        match self {
            Engine::Chromium => env_path("CHROMIUM", "/usr/bin/chromium"),
            Engine::Firefox => env_path("FIREFOX", "/usr/bin/firefox-esr"),
            Engine::WebKit => env_path(
                "MINIBROWSER",
                "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
            ),
        }
    }

    /// How to install the engine's pieces, for "not found" messages.
    pub fn install_hint(self) -> &'static str {
        match self {
            Engine::Chromium => "apt-get install chromium chromium-driver",
            Engine::Firefox => "apt-get install firefox-esr; cargo install --locked geckodriver",
            Engine::WebKit => "apt-get install webkit2gtk-driver xvfb",
        }
    }

    /// The driver's command-line arguments besides its port.
    pub fn driver_args(self, port: u16, dir: &Path) -> Vec<String> {
        match self {
            Engine::Chromium => vec![format!("--port={port}")],
            // geckodriver's BiDi port defaults to 9222 for every instance: give each its own.
            Engine::Firefox => vec![
                format!("--port={port}"),
                format!("--websocket-port={}", crate::driver::free_port()),
                format!("--profile-root={}", dir.display()),
            ],
            Engine::WebKit => vec![format!("--port={port}")],
        }
    }

    /// Environment for the driver (and so the browser it starts). WebKitGTK takes its motion
    /// preference from GTK's settings, and its window's smallest size from GTK's styles, both
    /// read from `$XDG_CONFIG_HOME`.
    pub fn driver_env(self, dir: &Path, launch: Launch) -> Vec<(String, String)> {
        if self != Engine::WebKit {
            return Vec::new();
        }
        let config = dir.join("xdg-config");
        let gtk = config.join("gtk-3.0");
        std::fs::create_dir_all(&gtk).expect("create a GTK settings folder");
        let settings = format!(
            "[Settings]\ngtk-enable-animations={}\n",
            u8::from(!launch.reduced_motion)
        );
        std::fs::write(gtk.join("settings.ini"), settings).expect("write GTK settings");
        // MiniBrowser's toolbar would keep the window at least 447 px wide: shrink its widgets
        // so the page can be given a phone's 360 px.
        std::fs::write(
            gtk.join("gtk.css"),
            "* { font-size: 1px; min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; }\n",
        )
        .expect("write GTK styles");
        vec![("XDG_CONFIG_HOME".to_owned(), config.display().to_string())]
    }

    /// W3C capabilities for a new session; `profile` is a fresh folder the browser may use.
    pub fn capabilities(self, profile: &Path, launch: Launch) -> Map<String, Value> {
        let binary = self.browser_path().to_string_lossy().into_owned();
        let (width, height) = WINDOW;
        let mut caps = json!({
            "pageLoadStrategy": "normal",
            "timeouts": { "script": 30_000, "pageLoad": 30_000, "implicit": 0 },
        });
        match self {
            Engine::Chromium => {
                let mut args = vec![
                    "--headless".to_owned(),
                    "--no-sandbox".to_owned(),
                    "--disable-gpu".to_owned(),
                    "--no-first-run".to_owned(),
                    "--disable-background-networking".to_owned(),
                    "--disable-component-update".to_owned(),
                    "--disable-sync".to_owned(),
                    "--disable-quic".to_owned(),
                    format!("--user-data-dir={}", profile.display()),
                    format!("--window-size={width},{height}"),
                ];
                if launch.without_webassembly {
                    // V8 without its JIT exposes no `WebAssembly` (its old --noexpose_wasm flag is gone).
                    args.push("--js-flags=--jitless".to_owned());
                }
                let mut prefs = json!({});
                if launch.without_javascript {
                    // 2 = block: the "Don't allow sites to use JavaScript" content setting.
                    prefs["profile.managed_default_content_settings.javascript"] = json!(2);
                }
                caps["browserName"] = json!("chrome");
                caps["goog:chromeOptions"] =
                    json!({ "binary": binary, "args": args, "prefs": prefs });
            }
            Engine::Firefox => {
                let mut prefs = json!({});
                if launch.dark {
                    // 0 = dark for web content, whatever the (absent) desktop theme says.
                    prefs["layout.css.prefers-color-scheme.content-override"] = json!(0);
                    prefs["ui.systemUsesDarkTheme"] = json!(1);
                }
                if launch.reduced_motion {
                    prefs["ui.prefersReducedMotion"] = json!(1);
                }
                if launch.without_webassembly {
                    prefs["javascript.options.wasm"] = json!(false);
                }
                if launch.without_javascript {
                    prefs["javascript.enabled"] = json!(false);
                }
                caps["browserName"] = json!("firefox");
                caps["moz:firefoxOptions"] = json!({
                    "binary": binary,
                    "args": ["-headless", format!("--width={width}"), format!("--height={height}")],
                    "prefs": prefs,
                });
            }
            Engine::WebKit => {
                let mut args = vec!["--automation"];
                if launch.dark {
                    args.push("--dark-mode");
                }
                if launch.without_javascript {
                    args.push("--enable-javascript=false");
                }
                caps["webkitgtk:browserOptions"] = json!({ "binary": binary, "args": args });
            }
        }
        match caps {
            Value::Object(map) => map,
            _ => unreachable!("capabilities are built as an object"),
        }
    }
}

fn env_path(var: &str, default: &str) -> PathBuf {
    match std::env::var_os(var) {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(default),
    }
}
