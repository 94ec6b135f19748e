// The local admin page: hosts the app iframe, answers the App Bridge stand-in (session tokens, nav, toasts,
// save bar, modal backdrop) and drives the test store (checkout rates, test orders, cancellations, events).
(function () {
  "use strict";
  var SOURCE = "silkroute-app-bridge";
  var config = window.__SHELL__;
  var frame = document.getElementById("app-frame");
  var api = "/api/shops/" + encodeURIComponent(config.shop);
  var shopHandle = config.shop.replace(/\.myshopify\.com$/, "");
  var adminBase = "/store/" + shopHandle + "/apps/" + config.appHandle;
  var appReady = false;
  var currentPath = "/";
  var saveBarState = null;
  var readyInThisDocument = false;

  // Each document the iframe loads must announce App Bridge itself; an error page without it cannot navigate.
  frame.addEventListener("load", function () {
    appReady = readyInThisDocument;
    readyInThisDocument = false;
  });

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), attrs[k]);
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.append(c); });
    return node;
  }
  function request(path, body) {
    return fetch(api + path, body === undefined ? {} : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
      .then(function (r) {
        return r.json().then(function (json) {
          if (!r.ok) throw new Error((json.errors && json.errors[0] && json.errors[0].message) || "HTTP " + r.status);
          return json;
        });
      });
  }
  function toApp(message) {
    message.source = SOURCE;
    frame.contentWindow.postMessage(message, config.appOrigin);
  }

  // ---- App Bridge messages ------------------------------------------------------------------------------
  window.addEventListener("message", function (event) {
    if (event.source !== frame.contentWindow || event.origin !== config.appOrigin) return;
    var data = event.data || {};
    if (data.source !== SOURCE) return;
    var handler = handlers[data.type];
    if (handler) handler(data);
  });

  var handlers = {
    ready: function () { appReady = true; readyInThisDocument = true; },
    unload: function () { hideSaveBar(); $("modal-backdrop").hidden = true; },
    idToken: function (data) {
      request("/session-token", {})
        .then(function (r) { toApp({ type: "idTokenResult", requestId: data.requestId, token: r.token }); })
        .catch(function (e) { toApp({ type: "idTokenResult", requestId: data.requestId, error: e.message }); });
    },
    navMenu: function (data) { renderAppNav(data.items); },
    location: function (data) {
      currentPath = data.path || "/";
      history.replaceState(null, "", adminBase + (currentPath === "/" ? "" : currentPath));
      highlightNav();
    },
    toast: function (data) { showToast(data); },
    toastHide: function (data) { var t = document.querySelector('[data-toast-id="' + data.id + '"]'); if (t) t.remove(); },
    loading: function (data) { $("loading-bar").hidden = !data.on; },
    saveBar: function (data) { if (data.showing) showSaveBar(data); else hideSaveBar(); },
    saveBarLeave: function () { flashSaveBar(); },
    modal: function (data) { $("modal-backdrop").hidden = !data.open; },
    reload: function (data) { loadFresh(data.href); },
    open: function (data) {
      var url = new URL(data.url, location.href);
      if (url.protocol === "http:" || url.protocol === "https:") location.href = url.toString();
    },
  };

  // ---- Left nav from <ui-nav-menu> ------------------------------------------------------------------------
  function renderAppNav(items) {
    var list = $("app-nav");
    list.textContent = "";
    var home = items.find(function (i) { return i.home; });
    list.append(el("li", {}, [navLink(config.appName, home ? home.href : "/app", "nav-item app-home")]));
    var sub = el("ul", { class: "app-subnav" });
    items.filter(function (i) { return !i.home; }).forEach(function (item) {
      sub.append(el("li", {}, [navLink(item.label, item.href, "nav-item")]));
    });
    list.append(el("li", {}, [sub]));
    highlightNav();
  }

  function navLink(label, href, className) {
    return el("a", {
      class: className, href: adminBase + href, "data-href": href, text: label,
      onclick: function (event) { event.preventDefault(); navigateApp(href); },
    });
  }

  function highlightNav() {
    var links = Array.prototype.slice.call(document.querySelectorAll("#app-nav a[data-href]"));
    var path = currentPath.split("?")[0];
    var best = null;
    links.forEach(function (a) {
      var href = a.getAttribute("data-href");
      var matches = path === href || path.indexOf(href + "/") === 0;
      if (matches && (!best || href.length > best.getAttribute("data-href").length)) best = a;
    });
    links.forEach(function (a) { a.classList.toggle("active", a === best); a.setAttribute("aria-current", a === best ? "page" : "false"); });
  }

  function navigateApp(href) {
    if (saveBarState) return flashSaveBar();
    if (appReady) return toApp({ type: "navigate", href: href });
    loadFresh(href);
  }

  // A new document load with a fresh session token, as the admin does when it opens an app URL.
  function loadFresh(href) {
    handlers.location({ path: href });
    request("/session-token", {}).then(function (r) { frame.src = embeddedUrl(href, r.token); });
  }

  function embeddedUrl(path, token) {
    var url = new URL(path, config.appOrigin);
    url.searchParams.set("embedded", "1");
    url.searchParams.set("host", btoa(config.shop + "/admin").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""));
    url.searchParams.set("id_token", token);
    url.searchParams.set("locale", config.locale || "en");
    url.searchParams.set("shop", config.shop);
    return url.toString();
  }

  // ---- Toasts, save bar ---------------------------------------------------------------------------------
  function showToast(data) {
    var toast = el("div", { class: "toast" + (data.isError ? " error" : ""), "data-toast-id": data.id, role: "status" }, [el("span", { text: data.message })]);
    if (data.action) toast.append(el("button", { type: "button", class: "toast-action", text: data.action, onclick: function () { toApp({ type: "toastAction", id: data.id }); toast.remove(); } }));
    toast.append(el("button", { type: "button", class: "toast-close", "aria-label": "Dismiss", text: "\u00d7", onclick: function () { toApp({ type: "toastDismiss", id: data.id }); toast.remove(); } }));
    $("toasts").append(toast);
    setTimeout(function () { toast.remove(); }, data.duration || 5000);
  }

  function showSaveBar(data) {
    saveBarState = data;
    var bar = $("save-bar");
    bar.hidden = false;
    $("save-bar-save").textContent = data.saveLabel;
    $("save-bar-save").disabled = data.saveDisabled;
    $("save-bar-discard").textContent = data.discardLabel;
    $("save-bar-discard").disabled = data.discardDisabled;
  }
  function hideSaveBar() { saveBarState = null; $("save-bar").hidden = true; }
  function flashSaveBar() {
    var bar = $("save-bar");
    bar.classList.remove("shake");
    void bar.offsetWidth;
    bar.classList.add("shake");
  }
  $("save-bar-save").addEventListener("click", function () { if (saveBarState) toApp({ type: "saveBarAction", id: saveBarState.id, action: "save" }); });
  $("save-bar-discard").addEventListener("click", function () { if (saveBarState) toApp({ type: "saveBarAction", id: saveBarState.id, action: "discard" }); });

  // Language switch: Shopify admin reloads with the new language and the app gets it as `locale`.
  $("locale-switch").addEventListener("change", function (event) {
    var url = new URL(location.href);
    url.searchParams.set("locale", event.target.value);
    location.href = url.toString();
  });

  document.querySelectorAll("#app-nav a[data-href]").forEach(function (a) {
    a.addEventListener("click", function (event) { event.preventDefault(); navigateApp(a.getAttribute("data-href")); });
  });

  // ---- Test store tools ---------------------------------------------------------------------------------
  var toolsOpen = false;
  $("tools-toggle").addEventListener("click", function () { setTools(!toolsOpen); });
  function setTools(open) {
    toolsOpen = open;
    $("tools").hidden = !open;
    $("tools-toggle").setAttribute("aria-expanded", String(open));
    if (open) refreshActivePanel();
  }
  var activeTab = "checkout";
  document.querySelectorAll("[data-tab]").forEach(function (tab) {
    tab.addEventListener("click", function () { selectTab(tab.getAttribute("data-tab")); });
  });
  function selectTab(name) {
    activeTab = name;
    document.querySelectorAll("[data-tab]").forEach(function (t) { t.setAttribute("aria-selected", String(t.getAttribute("data-tab") === name)); });
    document.querySelectorAll("[data-panel]").forEach(function (p) { p.hidden = p.getAttribute("data-panel") !== name; });
    refreshActivePanel();
  }
  function refreshActivePanel() {
    if (activeTab === "orders") loadOrders();
    if (activeTab === "events") loadEvents();
  }
  setInterval(function () { if (toolsOpen && activeTab !== "checkout") refreshActivePanel(); }, 3000);

  // Checkout: cart lines over the store's variants.
  var variants = [];
  function loadProducts() {
    return request("/products").then(function (products) {
      variants = [];
      products.forEach(function (p) {
        p.variants.forEach(function (v) {
          variants.push({ id: v.id, label: p.title + (v.title === "Default Title" ? "" : " \u2014 " + v.title) + " (" + v.price + " " + config.currency + ")" });
        });
      });
      if (!document.querySelector(".cart-line")) addLine();
      else document.querySelectorAll(".cart-line select").forEach(fillVariants);
    });
  }
  function fillVariants(select) {
    var current = select.value;
    select.textContent = "";
    if (!variants.length) select.append(el("option", { value: "", text: "No products in the store yet" }));
    variants.forEach(function (v) { select.append(el("option", { value: v.id, text: v.label })); });
    if (current) select.value = current;
  }
  function addLine() {
    var select = el("select", { class: "line-variant", "aria-label": "Product" });
    fillVariants(select);
    var line = el("div", { class: "cart-line" }, [
      select,
      el("input", { class: "line-qty", type: "number", min: "1", value: "1", "aria-label": "Quantity" }),
      el("button", { type: "button", class: "link", "aria-label": "Remove line", text: "Remove", onclick: function () { line.remove(); } }),
    ]);
    $("cart-lines").append(line);
  }
  $("add-line").addEventListener("click", addLine);
  function cartLines() {
    return Array.prototype.map.call(document.querySelectorAll(".cart-line"), function (line) {
      return { variantId: line.querySelector(".line-variant").value, quantity: Math.max(1, Number(line.querySelector(".line-qty").value) || 1) };
    }).filter(function (l) { return l.variantId; });
  }

  // Sample buyer addresses (fictional) so any country is one pick away.
  var SAMPLE_ADDRESSES = {
    US: ["350 Fifth Avenue", "New York", "NY", "10118"], CA: ["290 Bremner Blvd", "Toronto", "ON", "M5V 3L9"],
    GB: ["10 Downing Street", "London", "", "SW1A 2AA"], DE: ["Platz der Republik 1", "Berlin", "", "11011"],
    FR: ["5 Avenue Anatole France", "Paris", "", "75007"], AU: ["1 Macquarie Street", "Sydney", "NSW", "2000"],
    JP: ["1-1 Chiyoda", "Tokyo", "13", "100-8111"], CN: ["1 Century Avenue", "Shanghai", "SH", "200120"],
    BR: ["Avenida Paulista 1578", "São Paulo", "SP", "01310-200"], MX: ["Paseo de la Reforma 50", "Ciudad de México", "CMX", "11560"],
    NL: ["Dam 1", "Amsterdam", "", "1012 JS"], ES: ["Calle de Alcalá 50", "Madrid", "", "28014"],
    IT: ["Via del Corso 1", "Roma", "RM", "00186"], SE: ["Drottninggatan 1", "Stockholm", "", "111 51"],
    KR: ["110 Sejong-daero", "Seoul", "", "04524"], SG: ["1 Raffles Place", "Singapore", "", "048616"],
    AE: ["1 Sheikh Mohammed bin Rashid Blvd", "Dubai", "", "00000"], NZ: ["1 Queen Street", "Auckland", "AUK", "1010"],
    ZA: ["1 Long Street", "Cape Town", "WC", "8001"], IE: ["1 O'Connell Street", "Dublin", "", "D01 F5P2"],
  };
  var country = $("addr-country");
  Object.keys(SAMPLE_ADDRESSES).forEach(function (code) { country.append(el("option", { value: code, text: code })); });
  country.append(el("option", { value: "other", text: "Other\u2026" }));
  country.addEventListener("change", function () {
    var code = country.value;
    if (code === "other") {
      code = (window.prompt("ISO country code (two letters)") || "").trim().toUpperCase();
      if (!/^[A-Z]{2}$/.test(code)) { country.value = "US"; code = "US"; }
      else if (!country.querySelector('option[value="' + code + '"]')) country.insertBefore(el("option", { value: code, text: code }), country.lastChild);
      country.value = code;
    }
    var sample = SAMPLE_ADDRESSES[code] || ["1 Main Street", "Capital City", "", "00000"];
    $("addr-address1").value = sample[0];
    $("addr-city").value = sample[1];
    $("addr-province").value = sample[2];
    $("addr-zip").value = sample[3];
  });
  country.value = "US";
  country.dispatchEvent(new Event("change"));

  function destination() {
    return {
      country: country.value, postal_code: $("addr-zip").value || null, province: $("addr-province").value || null,
      city: $("addr-city").value || null, address1: $("addr-address1").value || null, name: $("addr-name").value || null,
    };
  }

  var quotedRates = [];
  function fractionDigits(currency) {
    try { return new Intl.NumberFormat("en", { style: "currency", currency: currency }).resolvedOptions().maximumFractionDigits; } catch (e) { return 2; }
  }
  // CarrierService prices are integer subunits ("1295" is 12.95 USD); backup rates may already be decimals.
  function rateDecimal(rate) {
    var raw = String(rate.total_price);
    if (raw.indexOf(".") >= 0) return raw;
    var digits = fractionDigits(rate.currency || config.currency);
    return (Number(raw) / Math.pow(10, digits)).toFixed(digits);
  }
  function formatMoney(amount, currency) {
    try { return new Intl.NumberFormat("en", { style: "currency", currency: currency }).format(Number(amount)); } catch (e) { return amount + " " + currency; }
  }
  function formatDay(iso) { return iso ? new Date(iso).toLocaleDateString("en", { month: "short", day: "numeric" }) : null; }

  $("quote-rates").addEventListener("click", function () {
    var lines = cartLines();
    var box = $("rates");
    if (!lines.length) { box.textContent = "Add a product first."; return; }
    box.textContent = "Asking the app's carrier service\u2026";
    request("/checkout", { lines: lines, destination: destination() }).then(function (quote) {
      quotedRates = quote.rates || [];
      box.textContent = "";
      var sourceText = { carrier: "from the app's carrier service", cache: "from checkout's rate cache", backup: "backup rates (the callback failed: " + quote.callbackOutcome + ")", profile: "the store's own rates (no app carrier in this zone)", "no-zone": "no shipping zone covers this address" }[quote.source] || quote.source;
      box.append(el("p", { class: "hint", "data-testid": "rates-source", text: quotedRates.length + " rate(s), " + sourceText }));
      quotedRates.forEach(function (rate, i) {
        var window_ = [formatDay(rate.min_delivery_date), formatDay(rate.max_delivery_date)].filter(Boolean).join(" \u2013 ");
        box.append(el("label", { class: "rate" }, [
          el("input", { type: "radio", name: "rate", value: String(i), checked: i === 0 ? "checked" : null }),
          el("span", { class: "rate-body" }, [
            el("strong", { class: "rate-name", text: rate.service_name }),
            el("span", { class: "rate-price", text: formatMoney(rateDecimal(rate), rate.currency || config.currency) }),
            window_ ? el("span", { class: "rate-window", text: "Arrives " + window_ }) : null,
            rate.description ? el("span", { class: "rate-description", text: rate.description }) : null,
          ]),
        ]));
      });
    }).catch(function (e) { box.textContent = "Could not quote rates: " + e.message; });
  });

  $("place-order").addEventListener("click", function () {
    var lines = cartLines();
    var result = $("checkout-result");
    if (!lines.length) { result.textContent = "Add a product first."; return; }
    var picked = document.querySelector('input[name="rate"]:checked');
    var rate = picked ? quotedRates[Number(picked.value)] : null;
    var d = destination();
    var names = (d.name || "").split(" ");
    var order = {
      lines: lines,
      shippingAddress: { firstName: names[0] || null, lastName: names.slice(1).join(" ") || null, address1: d.address1, city: d.city, provinceCode: d.province, zip: d.postal_code, countryCode: d.country },
    };
    if (rate) order.shippingLine = { title: rate.service_name, code: rate.service_code, price: rateDecimal(rate), source: "silkroute" };
    if ($("order-payment-pending").checked) order.hold = { reason: "AWAITING_PAYMENT", reasonNotes: "Bank transfer not received yet" };
    result.textContent = "Placing the order\u2026";
    request("/orders", order).then(function (placed) {
      result.textContent = "";
      result.append(el("span", { class: "success", "data-testid": "order-placed", text: "Order " + placed.name + " placed. " }),
        el("button", { type: "button", class: "link", text: "See orders", onclick: function () { selectTab("orders"); } }));
    }).catch(function (e) { result.textContent = "Could not place the order: " + e.message; });
  });

  // Orders with fulfillment orders, fulfillments (tracking, events) and a cancel action.
  function loadOrders() {
    request("/orders").then(function (orders) {
      var list = $("orders-list");
      list.textContent = "";
      if (!orders.length) list.append(el("p", { class: "hint", text: "No orders yet. Place one from the Checkout tab." }));
      orders.forEach(function (o) {
        var status = o.cancelledAt ? "Cancelled" : (o.displayFulfillmentStatus || "UNFULFILLED").replace(/_/g, " ").toLowerCase();
        var card = el("article", { class: "order", "data-order-name": o.name }, [
          el("header", {}, [
            el("strong", { text: o.name }),
            el("span", { class: "badge " + (o.cancelledAt ? "critical" : ""), text: status }),
            o.total ? el("span", { class: "muted", text: formatMoney(o.total.amount, o.total.currencyCode) }) : null,
            o.destination ? el("span", { class: "muted", text: "\u2192 " + o.destination }) : null,
            el("a", { href: "/store/" + shopHandle + "/orders/" + o.id.split("/").pop(), text: "Order page" }),
          ]),
          el("ul", { class: "lines" }, o.lineTitles.map(function (t) { return el("li", { text: t }); })),
          o.shippingLine ? el("p", { class: "muted", text: "Shipping: " + o.shippingLine.title + " (" + formatMoney(o.shippingLine.price.amount, o.shippingLine.price.currencyCode) + ")" }) : null,
        ]);
        o.fulfillmentOrders.forEach(function (fo) {
          card.append(el("p", { class: "muted", text: "Fulfillment order " + fo.id.split("/").pop() + ": " + fo.status.toLowerCase() + (fo.requestStatus && fo.requestStatus !== "UNSUBMITTED" ? " (" + fo.requestStatus.toLowerCase().replace(/_/g, " ") + ")" : "") }));
        });
        o.fulfillments.forEach(function (f) {
          var tracking = (f.trackingInfo || []).map(function (t) { return [t.company, t.number].filter(Boolean).join(" "); }).join(", ");
          card.append(el("div", { class: "fulfillment" }, [
            el("p", { text: "Fulfillment " + (f.name || "") + ": " + String(f.displayStatus || f.status).toLowerCase() + (tracking ? " \u00b7 " + tracking : "") }),
            el("ul", { class: "events" }, f.events.map(function (e) { return el("li", { text: new Date(e.happenedAt).toLocaleString() + " \u2014 " + e.status + (e.message ? ": " + e.message : "") }); })),
          ]));
        });
        if (!o.cancelledAt && o.fulfillmentOrders.some(function (fo) { return fo.status === "ON_HOLD"; })) {
          card.append(el("button", { type: "button", text: "Release hold (payment received)", onclick: function () {
            request("/orders/release-hold", { orderId: o.id }).then(loadOrders).catch(function (e) { window.alert(e.message); });
          } }));
        }
        if (!o.cancelledAt) {
          card.append(el("button", { type: "button", class: "critical", text: "Cancel order", onclick: function () {
            request("/orders/cancel", { orderId: o.id, reason: "CUSTOMER" }).then(loadOrders).catch(function (e) { window.alert(e.message); });
          } }));
        }
        list.append(card);
      });
    });
  }

  function loadEvents() {
    request("/events").then(function (events) {
      var list = $("events-list");
      list.textContent = "";
      if (!events.length) list.append(el("p", { class: "hint", text: "No events yet." }));
      events.forEach(function (e) {
        var delivery = e.deliveries.map(function (d) { return d.state + (d.lastStatus !== null ? " (" + d.lastStatus + ")" : ""); }).join(", ") || "no subscription";
        list.append(el("div", { class: "event" }, [
          el("strong", { text: e.topic }), el("span", { class: "muted", text: new Date(e.at).toLocaleTimeString() }),
          el("span", { class: "delivery", text: delivery }),
        ]));
      });
    });
  }

  loadProducts();
  window.__shell = { loadProducts: loadProducts, setTools: setTools, selectTab: selectTab, navigateApp: navigateApp };
})();
