// ES5 only: this runs on every box, including Chrome 38-class engines.
(function () {
  'use strict';

  // JS errors from the first line on (at most 50): checks on engines no devtools protocol reaches
  // (WPE WebKit over WebDriver, test/e2e/wpe) read them from window.__tvhall.errors.
  var hooks = window.__tvhall = window.__tvhall || {};
  var errors = hooks.errors = [];
  function noteError(text) { if (errors.length < 50) errors.push(String(text)); }
  window.addEventListener('error', function (e) {
    noteError((e.message || 'error') + (e.filename ? ' at ' + e.filename + ':' + e.lineno : ''));
  });
  window.addEventListener('unhandledrejection', function (e) {
    var r = e.reason;
    noteError('unhandled rejection: ' + (r && r.message ? r.message : String(r)));
  });
  if (window.console && console.error) {
    var consoleError = console.error;
    console.error = function () {
      noteError(Array.prototype.join.call(arguments, ' '));
      return consoleError.apply(console, arguments);
    };
  }

  function query(name) {
    var pairs = window.location.search.replace(/^\?/, '').split('&');
    for (var i = 0; i < pairs.length; i++) {
      var eq = pairs[i].indexOf('=');
      var key = decodeURIComponent(eq < 0 ? pairs[i] : pairs[i].slice(0, eq));
      if (key === name) return eq < 0 ? '' : decodeURIComponent(pairs[i].slice(eq + 1).replace(/\+/g, ' '));
    }
    return null;
  }

  function fail(reason) {
    if (window.console) console.error('[tvhall] ' + reason);
    document.getElementById('boot-failure').style.display = 'block';
  }

  function getJson(url, done) {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', url, true);
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) return;
      if (xhr.status >= 200 && xhr.status < 300 || xhr.status === 0 && xhr.responseText) {
        try { done(null, JSON.parse(xhr.responseText)); } catch (e) { done(e); }
      } else {
        done(new Error(url + ': HTTP ' + xhr.status));
      }
    };
    xhr.send();
  }

  function loadScript(src, done) {
    var s = document.createElement('script');
    s.src = src;
    s.onload = function () { done(null); };
    s.onerror = function () { done(new Error('cannot load ' + src)); };
    document.body.appendChild(s);
  }

  // Boxes whose engine knows <script nomodule> (Chrome 61+) run the modern bundle; ?legacy=1 forces ES5 for checks.
  var modern = 'noModule' in document.createElement('script') && query('legacy') !== '1';

  getJson('settings.json', function (err, settings) {
    if (err) return fail('settings.json: ' + err.message);
    var app = settings.appSettings || {};
    var platform = settings.platformSettings || {};

    if (query('res') === '1080') {
      // Only the size changes: other stage options (forceTxCanvasSource) stay as settings.json has them.
      app.stage = app.stage || {};
      app.stage.w = 1920;
      app.stage.h = 1080;
      app.stage.precision = 1;
      platform.width = 1920;
      platform.height = 1080;
    }
    var inspector = query('inspector') === '1' || platform.inspector === true || app.inspector === true;
    platform.inspector = inspector;
    app.inspector = inspector;
    platform.esEnv = modern ? 'es6' : 'es5';

    // Back on the first screen, confirmed: return to the portal that opened the hall.
    platform.onClose = function () {
      var back = query('returnUrl');
      if (back && /^(https?:)?\/\//.test(back)) window.location.href = back;
      else if (window.history.length > 1) window.history.back();
    };

    var scenario = query('mock');
    if (scenario === null && app.dataSource === 'mock') scenario = app.mockScenario || 'default';

    var steps = [];
    if (scenario !== null) {
      steps.push(function (next) {
        loadScript('js/mocks.js', function (e) {
          if (e || !window.tvHallMocks) return next(e || new Error('mocks.js has no startMocks'));
          // Preview without a box: the mocks' demo household stands in unless the URL names a device.
          var demo = window.tvHallMocks.mockDemoDevice;
          if (demo && !platform.device && query('deviceId') === null) platform.device = { deviceId: demo.deviceId, cardNo: demo.cardNo };
          window.tvHallMocks.startMocks(scenario).then(function () { next(null); }, next);
        });
      });
    }
    if (inspector) {
      // A production build has no inspector: the app still boots without it.
      steps.push(function (next) { loadScript(modern ? 'js/lightning-inspect.js' : 'js/lightning-inspect.es5.js', function () { next(null); }); });
    }
    steps.push(function (next) { loadScript(modern ? 'js/app.modern.js' : 'js/app.legacy.js', next); });

    (function run(i) {
      if (i < steps.length) {
        return steps[i](function (e) { if (e) fail(e.message || String(e)); else run(i + 1); });
      }
      if (typeof window.tvHallApp !== 'function') return fail('app bundle did not load');
      var application;
      try {
        application = window.tvHallApp(app, platform, settings.appData || {});
      } catch (e) {
        // Boxes without usable WebGL: Lightning can draw with canvas 2D instead, slower but working.
        if (app.stage && app.stage.canvas2d) return fail(e && e.message || String(e));
        app.stage = app.stage || {};
        app.stage.canvas2d = true;
        try { application = window.tvHallApp(app, platform, settings.appData || {}); } catch (e2) { return fail(e2 && e2.message || String(e2)); }
      }
      document.body.appendChild(application.stage.getCanvas());
    })(0);
  });
})();
