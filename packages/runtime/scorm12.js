/* SCORM 1.2 adapter for the package's quiz (quiz.js): finds the LMS's API
   object and reports status and score through it. Written for this package;
   no library. */
(function () {
  "use strict";

  var api = null;
  var started = false;
  var finished = false;
  var passedBefore = false;
  var startedAt = Date.now();

  function searchUp(win) {
    // The API is on a parent or opener frame; SCORM 1.2 suggests at most a few levels.
    for (var depth = 0; win && depth < 10; depth += 1) {
      try {
        if (win.API) {
          return win.API;
        }
      } catch (error) {
        return null; // a frame of another origin
      }
      if (!win.parent || win.parent === win) {
        break;
      }
      win = win.parent;
    }
    return null;
  }

  function findAPI() {
    var found = searchUp(window);
    if (!found && window.opener) {
      found = searchUp(window.opener);
    }
    if (!found) {
      try {
        if (window.top && window.top.opener) {
          found = searchUp(window.top.opener);
        }
      } catch (error) {
        found = null;
      }
    }
    return found;
  }

  function ok(value) {
    return String(value) === "true";
  }

  function sessionTime() {
    // CMITimespan: HHHH:MM:SS.SS
    var seconds = (Date.now() - startedAt) / 1000;
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = (seconds % 60).toFixed(2);
    function pad(number, width) {
      var text = String(number);
      while (text.length < width) {
        text = "0" + text;
      }
      return text;
    }
    return pad(hours, 4) + ":" + pad(minutes, 2) + ":" + pad(rest, 5);
  }

  function start() {
    api = findAPI();
    if (!api) {
      return Promise.resolve(false);
    }
    started = ok(api.LMSInitialize(""));
    if (started) {
      var status = String(api.LMSGetValue("cmi.core.lesson_status") || "");
      passedBefore = status === "passed";
      if (status === "" || status === "not attempted") {
        api.LMSSetValue("cmi.core.lesson_status", "incomplete");
        api.LMSCommit("");
      }
    }
    return Promise.resolve(started);
  }

  function report(result) {
    if (!started || finished) {
      return Promise.resolve(false);
    }
    // A pass already recorded stays: a later, weaker try does not take it back.
    if (passedBefore && !result.passed) {
      return Promise.resolve(true);
    }
    var sent =
      ok(api.LMSSetValue("cmi.core.score.min", "0")) &&
      ok(api.LMSSetValue("cmi.core.score.max", "100")) &&
      ok(api.LMSSetValue("cmi.core.score.raw", String(result.score))) &&
      ok(api.LMSSetValue("cmi.core.lesson_status", result.passed ? "passed" : "failed")) &&
      ok(api.LMSCommit(""));
    if (result.passed) {
      passedBefore = true;
    }
    return Promise.resolve(sent);
  }

  function complete() {
    if (!started || finished) {
      return Promise.resolve(false);
    }
    var sent =
      ok(api.LMSSetValue("cmi.core.lesson_status", "completed")) && ok(api.LMSCommit(""));
    return Promise.resolve(sent);
  }

  function finish() {
    if (!started || finished) {
      return;
    }
    finished = true;
    api.LMSSetValue("cmi.core.session_time", sessionTime());
    api.LMSSetValue("cmi.core.exit", "");
    api.LMSCommit("");
    api.LMSFinish("");
  }

  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);

  window.CyberAwareLMS = {
    start: start,
    report: report,
    complete: complete,
    finish: finish,
    passMark: function (fallback) {
      return fallback;
    },
    // The LMS's own navigation leaves a SCO.
    exitUrl: function () {
      return "";
    },
    exit: finish,
  };
})();
