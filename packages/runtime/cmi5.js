/* cmi5 adapter for the package's quiz (quiz.js): reads the launch
   parameters, fetches the authorization token and the LMS's launch data, and
   sends the cmi5 defined statements (initialized, completed, passed or
   failed, terminated) to the LMS's xAPI endpoint. Written for this package;
   no library. */
(function () {
  "use strict";

  var VERBS = {
    initialized: "http://adlnet.gov/expapi/verbs/initialized",
    completed: "http://adlnet.gov/expapi/verbs/completed",
    passed: "http://adlnet.gov/expapi/verbs/passed",
    failed: "http://adlnet.gov/expapi/verbs/failed",
    terminated: "http://adlnet.gov/expapi/verbs/terminated",
  };
  var CATEGORY_CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  var CATEGORY_MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  var MASTERY_EXTENSION = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";

  var params = new URLSearchParams(window.location.search);
  var endpoint = params.get("endpoint") || "";
  if (endpoint && endpoint.charAt(endpoint.length - 1) !== "/") {
    endpoint += "/";
  }
  var actor = null;
  var auth = "";
  var launchData = {};
  var started = false;
  var terminated = false;
  var sent = { completed: false, passed: false, failed: false };
  var startedAt = Date.now();

  function uuid() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map
      .call(bytes, function (b) {
        return (b + 0x100).toString(16).slice(1);
      })
      .join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function duration() {
    return "PT" + ((Date.now() - startedAt) / 1000).toFixed(2) + "S";
  }

  function headers(extra) {
    var all = { Authorization: auth, "X-Experience-API-Version": "1.0.3" };
    Object.keys(extra || {}).forEach(function (name) {
      all[name] = extra[name];
    });
    return all;
  }

  function statement(verb, result, moveOn) {
    var context = JSON.parse(JSON.stringify(launchData.contextTemplate || {}));
    context.registration = params.get("registration");
    context.contextActivities = context.contextActivities || {};
    var categories = (context.contextActivities.category || []).slice();
    categories.push({ id: CATEGORY_CMI5, objectType: "Activity" });
    if (moveOn) {
      categories.push({ id: CATEGORY_MOVEON, objectType: "Activity" });
    }
    context.contextActivities.category = categories;
    if ((verb === "passed" || verb === "failed") && typeof launchData.masteryScore === "number") {
      context.extensions = context.extensions || {};
      context.extensions[MASTERY_EXTENSION] = launchData.masteryScore;
    }
    var body = {
      id: uuid(),
      actor: actor,
      verb: { id: VERBS[verb], display: { "en-US": verb } },
      object: { id: params.get("activityId"), objectType: "Activity" },
      timestamp: new Date().toISOString(),
      context: context,
    };
    if (result) {
      body.result = result;
    }
    return body;
  }

  function send(body, keepalive) {
    return fetch(endpoint + "statements", {
      method: "POST",
      headers: headers({ "Content-Type": "application/json" }),
      body: JSON.stringify(body),
      keepalive: Boolean(keepalive),
    }).then(function (response) {
      return response.ok;
    });
  }

  function start() {
    var fetchUrl = params.get("fetch");
    if (!endpoint || !fetchUrl || !params.get("actor") || !params.get("activityId")) {
      return Promise.resolve(false);
    }
    try {
      actor = JSON.parse(params.get("actor"));
    } catch (error) {
      return Promise.resolve(false);
    }
    return fetch(fetchUrl, { method: "POST" })
      .then(function (response) {
        return response.json();
      })
      .then(function (token) {
        if (!token["auth-token"]) {
          throw new Error("no token");
        }
        auth = "Basic " + token["auth-token"];
        var query = new URLSearchParams({
          stateId: "LMS.LaunchData",
          activityId: params.get("activityId"),
          agent: JSON.stringify(actor),
          registration: params.get("registration") || "",
        });
        return fetch(endpoint + "activities/state?" + query.toString(), { headers: headers() });
      })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("no launch data");
        }
        return response.json();
      })
      .then(function (data) {
        launchData = data || {};
        return send(statement("initialized", null, false));
      })
      .then(function (ok) {
        started = ok;
        return ok;
      })
      .catch(function () {
        return false;
      });
  }

  function normalMode() {
    // In Browse and Review modes an AU must not send completed, passed or failed.
    return !launchData.launchMode || launchData.launchMode === "Normal";
  }

  function completeStatement() {
    if (sent.completed) {
      return Promise.resolve(true);
    }
    sent.completed = true;
    return send(statement("completed", { completion: true, duration: duration() }, true));
  }

  function report(result) {
    if (!started || terminated) {
      return Promise.resolve(false);
    }
    if (!normalMode()) {
      return Promise.resolve(true);
    }
    return completeStatement().then(function (ok) {
      // One pass per registration; after a failure, a pass may still follow.
      if (sent.passed || (!result.passed && sent.failed)) {
        return ok;
      }
      var verb = result.passed ? "passed" : "failed";
      sent[verb] = true;
      return send(
        statement(
          verb,
          {
            score: { scaled: result.score / 100, raw: result.score, min: 0, max: 100 },
            success: result.passed,
            duration: duration(),
          },
          true
        )
      ).then(function (alsoOk) {
        return ok && alsoOk;
      });
    });
  }

  function complete() {
    if (!started || terminated) {
      return Promise.resolve(false);
    }
    if (!normalMode()) {
      return Promise.resolve(true);
    }
    return completeStatement();
  }

  function finish() {
    if (!started || terminated) {
      return Promise.resolve(false);
    }
    terminated = true;
    return send(statement("terminated", { duration: duration() }, false), true);
  }

  function exit() {
    // Terminated first, then back to the LMS, as cmi5 orders it.
    var back = launchData.returnURL;
    finish().then(
      function () {
        window.location.assign(back);
      },
      function () {
        window.location.assign(back);
      }
    );
  }

  window.addEventListener("pagehide", finish);

  window.CyberAwareLMS = {
    exit: exit,
    exitUrl: function () {
      return launchData.returnURL || "";
    },
    start: start,
    report: report,
    complete: complete,
    finish: finish,
    // The LMS's mastery score, when it sets one, decides passing, as cmi5 requires.
    passMark: function (fallback) {
      return typeof launchData.masteryScore === "number" ? launchData.masteryScore * 100 : fallback;
    },
  };
})();
