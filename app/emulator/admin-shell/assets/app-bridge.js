// Offline stand-in for https://cdn.shopify.com/shopifycloud/app-bridge.js, served by the local admin shell.
// It implements the part of App Bridge Silkroute uses (window.shopify, <ui-nav-menu>, <ui-save-bar>,
// <ui-modal>, authenticated fetch, the session-token bounce) and talks to the shell over postMessage, the way
// the real script talks to Shopify admin. The shell (the parent frame) mints session tokens.
(function () {
  "use strict";
  if (window.shopify && window.shopify.__standIn) return;

  var SOURCE = "silkroute-app-bridge";
  var script = document.currentScript;
  var shellOrigin = script && script.src ? new URL(script.src).origin : "*";
  var params = new URLSearchParams(location.search);
  var embedded = window.top !== window.self;
  var apiKey = (script && script.getAttribute("data-api-key")) || metaContent("shopify-api-key") || "";

  function metaContent(name) {
    var meta = document.querySelector('meta[name="' + name + '"]');
    return meta ? meta.getAttribute("content") : null;
  }

  function post(message) {
    if (!embedded) return;
    message.source = SOURCE;
    window.parent.postMessage(message, shellOrigin);
  }

  // Hidden like the real web components: the admin, not the app, renders them.
  var style = document.createElement("style");
  style.textContent = "ui-nav-menu,ui-save-bar,ui-title-bar{display:none!important}ui-modal{display:none}" +
    ".sb-modal-overlay{position:fixed;inset:0;background:rgba(0,0,0,.5);display:flex;align-items:flex-start;justify-content:center;z-index:2147483000;padding-top:8vh}" +
    ".sb-modal{background:#fff;border-radius:12px;box-shadow:0 20px 40px rgba(0,0,0,.3);width:min(620px,92vw);max-height:80vh;display:flex;flex-direction:column;font:14px/1.4 -apple-system,BlinkMacSystemFont,'San Francisco','Segoe UI',Roboto,sans-serif}" +
    ".sb-modal[data-variant=small]{width:min(380px,92vw)}.sb-modal[data-variant=large]{width:min(980px,92vw)}.sb-modal[data-variant=max]{width:96vw;height:90vh}" +
    ".sb-modal header{display:flex;justify-content:space-between;align-items:center;padding:12px 16px;background:#f3f3f3;border-radius:12px 12px 0 0;font-weight:650}" +
    ".sb-modal header button{border:0;background:none;font-size:18px;cursor:pointer}" +
    ".sb-modal .sb-modal-body{overflow:auto;flex:1}.sb-modal .sb-modal-body iframe{border:0;width:100%;height:100%;min-height:300px}" +
    ".sb-modal footer{display:flex;justify-content:flex-end;gap:8px;padding:12px 16px;border-top:1px solid #e3e3e3}" +
    ".sb-modal footer button{border:1px solid #c9c9c9;background:#fff;border-radius:8px;padding:6px 12px;cursor:pointer}" +
    ".sb-modal footer button[data-primary]{background:#303030;color:#fff;border-color:#303030}" +
    ".sb-modal footer button[data-critical]{background:#c70a24;color:#fff;border-color:#c70a24}";
  (document.head || document.documentElement).appendChild(style);

  // ---- Session tokens ------------------------------------------------------------------------------------
  var pending = {};
  var sequence = 0;
  var cached = null;

  function tokenExpiry(token) {
    try {
      var body = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      return JSON.parse(atob(body)).exp * 1000;
    } catch (e) {
      return 0;
    }
  }

  function idToken() {
    if (!embedded) return Promise.reject(new Error("App Bridge: the app is not embedded in the Shopify admin"));
    if (cached && cached.expiresAt - Date.now() > 10000) return Promise.resolve(cached.token);
    return new Promise(function (resolve, reject) {
      var requestId = ++sequence;
      pending[requestId] = { resolve: resolve, reject: reject };
      post({ type: "idToken", requestId: requestId });
      setTimeout(function () {
        if (!pending[requestId]) return;
        delete pending[requestId];
        reject(new Error("App Bridge: the admin did not answer the session token request"));
      }, 10000);
    }).then(function (token) {
      cached = { token: token, expiresAt: tokenExpiry(token) };
      return token;
    });
  }

  // ---- Authenticated fetch: same-origin requests carry the session token, as with the real script ----------
  var nativeFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var request = new Request(input, init);
    if (!embedded || new URL(request.url, location.href).origin !== location.origin || request.headers.has("Authorization")) {
      return nativeFetch(request);
    }
    var retryCopy = request.clone();
    return idToken().then(function (token) {
      return nativeFetch(withBearer(request, token));
    }).then(function (response) {
      if (response.headers.get("X-Shopify-Retry-Invalid-Session-Request") !== "1") return reauthorize(response);
      cached = null;
      return idToken().then(function (token) { return nativeFetch(withBearer(retryCopy, token)); }).then(reauthorize);
    });
  };

  function withBearer(request, token) {
    var headers = new Headers(request.headers);
    headers.set("Authorization", "Bearer " + token);
    return new Request(request, { headers: headers });
  }

  function reauthorize(response) {
    var url = response.headers.get("X-Shopify-API-Request-Failure-Reauthorize-Url");
    if (url) post({ type: "open", url: url, target: "_top" });
    return response;
  }

  // Top-level navigation from inside the iframe goes through the admin, as App Bridge does.
  var nativeOpen = window.open.bind(window);
  window.open = function (url, target, features) {
    if (embedded && (target === "_top" || target === "_parent")) {
      post({ type: "open", url: new URL(String(url), location.href).toString(), target: target });
      return null;
    }
    return nativeOpen(url, target, features);
  };

  // ---- Toasts and loading --------------------------------------------------------------------------------
  var toastCallbacks = {};
  var toastSequence = 0;
  var toast = {
    show: function (message, opts) {
      opts = opts || {};
      var id = "toast-" + ++toastSequence;
      toastCallbacks[id] = { onAction: opts.onAction, onDismiss: opts.onDismiss };
      post({ type: "toast", id: id, message: String(message), isError: !!opts.isError, duration: opts.duration || 5000, action: opts.action || null });
      return id;
    },
    hide: function (id) {
      post({ type: "toastHide", id: id });
    },
  };

  function loading(isLoading) {
    post({ type: "loading", on: isLoading !== false });
  }

  // ---- <ui-nav-menu>: the admin's left nav lists the app's links --------------------------------------------
  var lastNav = "";
  function reportNavMenu() {
    var menu = document.querySelector("ui-nav-menu");
    if (!menu) return;
    var items = Array.prototype.map.call(menu.querySelectorAll("a"), function (a) {
      return { label: (a.textContent || "").trim(), href: a.getAttribute("href"), home: a.getAttribute("rel") === "home" };
    });
    var key = JSON.stringify(items);
    if (key === lastNav) return;
    lastNav = key;
    post({ type: "navMenu", items: items });
  }

  function navigate(href) {
    var menu = document.querySelector("ui-nav-menu");
    // No app UI mounted (an error page replaced it): nothing listens for shopify:navigate, so the admin reloads.
    if (!menu) return post({ type: "reload", href: href });
    var anchor = menu && Array.prototype.find.call(menu.querySelectorAll("a"), function (a) { return a.getAttribute("href") === href; });
    if (!anchor) {
      anchor = document.createElement("a");
      anchor.setAttribute("href", href);
      anchor.hidden = true;
      document.body.appendChild(anchor);
      setTimeout(function () { anchor.remove(); }, 0);
    }
    // shopify-app-remix's AppProvider listens for this on window and hands the href to Remix's navigate().
    anchor.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true }));
  }

  // ---- <ui-save-bar>: the admin shows the contextual save bar and relays Save / Discard ------------------------
  function saveBarButtons(el) {
    var buttons = Array.prototype.slice.call(el.querySelectorAll("button"));
    return {
      save: buttons.find(function (b) { return b.getAttribute("variant") === "primary"; }),
      discard: buttons.find(function (b) { return b.getAttribute("variant") !== "primary"; }),
    };
  }

  function reportSaveBar(el) {
    var b = saveBarButtons(el);
    post({
      type: "saveBar", id: el.id || null, showing: el._showing,
      saveLabel: b.save ? (b.save.textContent || "").trim() || "Save" : "Save",
      discardLabel: b.discard ? (b.discard.textContent || "").trim() || "Discard" : "Discard",
      saveDisabled: !!(b.save && (b.save.disabled || b.save.hasAttribute("loading"))),
      discardDisabled: !!(b.discard && b.discard.disabled),
    });
  }

  function showingSaveBar() {
    return Array.prototype.find.call(document.querySelectorAll("ui-save-bar"), function (el) { return el._showing; });
  }

  function defineElement(name, factory) {
    if (window.customElements && !customElements.get(name)) customElements.define(name, factory());
  }

  defineElement("ui-save-bar", function () {
    return class UISaveBar extends HTMLElement {
      constructor() { super(); this._showing = false; }
      get showing() { return this._showing; }
      get discardConfirmation() { return this.hasAttribute("discardConfirmation"); }
      set discardConfirmation(value) { if (value) this.setAttribute("discardConfirmation", ""); else this.removeAttribute("discardConfirmation"); }
      show() {
        if (!this._showing) {
          this._showing = true;
          reportSaveBar(this);
          this.dispatchEvent(new CustomEvent("show"));
        }
        return Promise.resolve();
      }
      hide() {
        if (this._showing) {
          this._showing = false;
          reportSaveBar(this);
          this.dispatchEvent(new CustomEvent("hide"));
        }
        return Promise.resolve();
      }
      toggle() { return this._showing ? this.hide() : this.show(); }
      disconnectedCallback() {
        if (!this._showing) return;
        this._showing = false;
        reportSaveBar(this);
      }
    };
  });

  function saveBarAction(id, action) {
    var el = (id && document.getElementById(id)) || showingSaveBar();
    if (!el) return;
    var b = saveBarButtons(el);
    if (action === "discard" && el.discardConfirmation && !window.confirm("Discard all unsaved changes?")) return;
    var button = action === "save" ? b.save : b.discard;
    if (button) button.click();
    else if (action === "discard") el.hide();
  }

  var saveBar = {
    show: function (id) { var el = document.getElementById(id); return el ? el.show() : Promise.resolve(); },
    hide: function (id) { var el = document.getElementById(id); return el ? el.hide() : Promise.resolve(); },
    toggle: function (id) { var el = document.getElementById(id); return el ? el.toggle() : Promise.resolve(); },
    leaveConfirmation: function () {
      if (!showingSaveBar()) return Promise.resolve();
      post({ type: "saveBarLeave" });
      return window.confirm("Leave page with unsaved changes?") ? Promise.resolve() : new Promise(function () {});
    },
  };

  // ---- <ui-modal>: shown over the app (the real admin shows it over the whole page) ---------------------------
  defineElement("ui-modal", function () {
    return class UIModal extends HTMLElement {
      constructor() { super(); this._open = false; this._content = document.createElement("div"); this._overlay = null; }
      get content() { return this._content; }
      get variant() { return this.getAttribute("variant") || "base"; }
      set variant(value) { this.setAttribute("variant", value); }
      get src() { return this.getAttribute("src"); }
      set src(value) { this.setAttribute("src", value); }
      get contentWindow() { var f = this._overlay && this._overlay.querySelector("iframe"); return f ? f.contentWindow : null; }
      show() {
        if (this._open) return Promise.resolve();
        this._open = true;
        this._overlay = renderModal(this);
        document.body.appendChild(this._overlay);
        post({ type: "modal", id: this.id || null, open: true });
        this.dispatchEvent(new CustomEvent("show"));
        return Promise.resolve();
      }
      hide() {
        if (!this._open) return Promise.resolve();
        this._open = false;
        if (this._overlay) this._overlay.remove();
        this._overlay = null;
        post({ type: "modal", id: this.id || null, open: false });
        this.dispatchEvent(new CustomEvent("hide"));
        return Promise.resolve();
      }
      toggle() { return this._open ? this.hide() : this.show(); }
      disconnectedCallback() { this.hide(); }
    };
  });

  function renderModal(el) {
    var titleBar = el.querySelector("ui-title-bar");
    var overlay = document.createElement("div");
    overlay.className = "sb-modal-overlay";
    var dialog = document.createElement("div");
    dialog.className = "sb-modal";
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("data-variant", el.variant);
    var header = document.createElement("header");
    var title = document.createElement("span");
    title.textContent = (titleBar && titleBar.getAttribute("title")) || "";
    var close = document.createElement("button");
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.textContent = "\u00d7";
    close.onclick = function () { el.hide(); };
    header.append(title, close);
    var body = document.createElement("div");
    body.className = "sb-modal-body";
    if (el.src) {
      var frame = document.createElement("iframe");
      frame.src = new URL(el.src, location.href).toString();
      body.appendChild(frame);
    } else {
      body.appendChild(el.content);
    }
    dialog.append(header, body);
    var buttons = titleBar ? titleBar.querySelectorAll(":scope > button") : [];
    if (buttons.length) {
      var footer = document.createElement("footer");
      Array.prototype.forEach.call(buttons, function (original) {
        var proxy = document.createElement("button");
        proxy.type = "button";
        proxy.textContent = original.textContent;
        proxy.disabled = original.disabled;
        if (original.getAttribute("variant") === "primary") proxy.setAttribute("data-primary", "");
        if (original.getAttribute("tone") === "critical") proxy.setAttribute("data-critical", "");
        proxy.onclick = function () { original.click(); };
        footer.appendChild(proxy);
      });
      dialog.appendChild(footer);
    }
    overlay.appendChild(dialog);
    overlay.addEventListener("click", function (event) { if (event.target === overlay) el.hide(); });
    return overlay;
  }

  function byId(method) {
    return function (id) {
      var el = document.getElementById(id);
      return el && typeof el[method] === "function" ? el[method]() : Promise.resolve();
    };
  }
  var modal = { show: byId("show"), hide: byId("hide"), toggle: byId("toggle") };

  defineElement("ui-nav-menu", function () {
    return class UINavMenu extends HTMLElement {
      connectedCallback() { setTimeout(reportNavMenu, 0); }
    };
  });
  defineElement("ui-title-bar", function () { return class UITitleBar extends HTMLElement {}; });

  // ---- The admin URL follows the app's path, as admin.shopify.com/store/<shop>/apps/<app>/<path> does --------
  var EMBED_PARAMS = ["embedded", "host", "id_token", "shop", "locale", "hmac", "timestamp", "session", "shopify-reload"];
  function reportLocation() {
    var url = new URL(location.href);
    EMBED_PARAMS.forEach(function (p) { url.searchParams.delete(p); });
    post({ type: "location", path: url.pathname + url.search + url.hash });
  }
  ["pushState", "replaceState"].forEach(function (method) {
    var original = history[method];
    history[method] = function () {
      var result = original.apply(this, arguments);
      setTimeout(reportLocation, 0);
      return result;
    };
  });
  window.addEventListener("popstate", reportLocation);
  window.addEventListener("pagehide", function () { post({ type: "unload" }); });

  // ---- Messages from the admin ---------------------------------------------------------------------------
  window.addEventListener("message", function (event) {
    if (event.source !== window.parent || (shellOrigin !== "*" && event.origin !== shellOrigin)) return;
    var data = event.data || {};
    if (data.source !== SOURCE) return;
    if (data.type === "idTokenResult" && pending[data.requestId]) {
      var waiter = pending[data.requestId];
      delete pending[data.requestId];
      if (data.token) waiter.resolve(data.token);
      else waiter.reject(new Error(data.error || "App Bridge: no session token"));
    } else if (data.type === "navigate") {
      navigate(data.href);
    } else if (data.type === "saveBarAction") {
      saveBarAction(data.id, data.action);
    } else if (data.type === "toastAction" || data.type === "toastDismiss") {
      var callbacks = toastCallbacks[data.id] || {};
      var callback = data.type === "toastAction" ? callbacks.onAction : callbacks.onDismiss;
      if (typeof callback === "function") callback();
    }
  });

  var shopify = {
    __standIn: true,
    config: { apiKey: apiKey, shop: params.get("shop"), host: params.get("host"), locale: params.get("locale") || "en", appOrigins: [] },
    origin: shellOrigin,
    ready: Promise.resolve(),
    environment: { embedded: embedded, mobile: false, pos: false, intent: false },
    idToken: idToken,
    toast: toast,
    loading: loading,
    saveBar: saveBar,
    modal: modal,
    user: function () { return Promise.resolve({ accountAccess: "Account owner" }); },
    // Not modelled offline: pickers resolve as if the merchant cancelled.
    resourcePicker: function () { return Promise.resolve(undefined); },
    scopes: {
      query: function () { return Promise.resolve({ granted: [], required: [], optional: [] }); },
      request: function () { return Promise.resolve({ result: "declined-all", detail: { granted: [], required: [], optional: [] } }); },
      revoke: function () { return Promise.resolve({ detail: { granted: [], required: [], optional: [] } }); },
    },
    setSignals: function () {},
  };
  window.shopify = shopify;

  post({ type: "ready", apiKey: apiKey });
  reportLocation();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", reportNavMenu);
  else reportNavMenu();
  new MutationObserver(function () {
    reportNavMenu();
    var bar = showingSaveBar();
    if (bar) reportSaveBar(bar);
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["disabled", "loading", "href"] });

  // The /auth/session-token bounce page: get a token from the admin and reload the original URL with it.
  var reload = params.get("shopify-reload");
  if (reload && embedded) {
    var target = new URL(reload, location.href);
    if (target.origin === location.origin) {
      idToken().then(function (token) {
        target.searchParams.set("id_token", token);
        location.replace(target.toString());
      });
    }
  }
})();
