/* The module's quiz inside an LMS: grades in the browser with the answer key
   the package carries (as the site grades: all-or-nothing per question, the
   score the share of questions right, rounded down), shows the feedback and
   reports through the adapter loaded before it (scorm12.js or cmi5.js). */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("package-data").textContent);
  var messages = data.messages;
  var lms = window.CyberAwareLMS;
  var form = document.getElementById("package-quiz");
  var markCompleted = document.getElementById("mark-completed");
  var resultBox = document.getElementById("quiz-result");
  var connection = document.getElementById("package-connection");

  function warnOffline() {
    connection.textContent = messages.offline;
    connection.hidden = false;
  }

  var connected = lms.start().then(function (ok) {
    if (!ok) {
      warnOffline();
    } else if (lms.exitUrl()) {
      var exit = document.getElementById("package-exit");
      exit.addEventListener("click", function () {
        exit.disabled = true;
        lms.exit();
      });
      document.getElementById("package-exit-wrap").hidden = false;
    }
    return ok;
  });

  function sendToLms(action) {
    return connected.then(function (ok) {
      if (!ok) {
        return;
      }
      return action().then(function (sent) {
        if (!sent) {
          warnOffline();
        }
      });
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function chosen(questionId) {
    var inputs = form.querySelectorAll('input[name="q-' + questionId + '"]');
    return Array.prototype.filter
      .call(inputs, function (input) {
        return input.checked;
      })
      .map(function (input) {
        return input.value;
      });
  }

  function clearFeedback() {
    form.querySelectorAll(".package-feedback, .field-error").forEach(function (node) {
      node.remove();
    });
    form.querySelectorAll(".question").forEach(function (fieldset) {
      fieldset.classList.remove("question--error", "question--right", "question--wrong");
      fieldset.removeAttribute("aria-describedby");
    });
  }

  function showResult(className, lines, retry) {
    resultBox.className = "result " + className;
    resultBox.textContent = "";
    lines.forEach(function (line) {
      resultBox.appendChild(element("p", line[0], line[1]));
    });
    if (retry) {
      var again = element("button", "button", messages.retry);
      again.type = "button";
      again.addEventListener("click", function () {
        form.reset();
        clearFeedback();
        form.querySelector("fieldset").disabled = false;
        resultBox.hidden = true;
        var first = form.querySelector("input");
        if (first) {
          first.focus();
        }
      });
      resultBox.appendChild(again);
    }
    resultBox.hidden = false;
    resultBox.focus();
  }

  function grade(event) {
    event.preventDefault();
    clearFeedback();
    var questions = data.key.questions;
    var missing = questions.filter(function (question) {
      return chosen(question.id).length === 0;
    });
    if (missing.length) {
      missing.forEach(function (question) {
        var fieldset = document.getElementById("q-" + question.id);
        var error = element("p", "field-error", messages.unanswered);
        error.id = "q-" + question.id + "-error";
        fieldset.classList.add("question--error");
        fieldset.setAttribute("aria-describedby", error.id);
        fieldset.querySelector("legend").after(error);
      });
      showResult("result--failed", [["", messages.missing]], false);
      return;
    }
    var right = 0;
    questions.forEach(function (question) {
      var picked = chosen(question.id).sort();
      var correct = question.correct.slice().sort();
      var isRight = picked.join("\n") === correct.join("\n");
      if (isRight) {
        right += 1;
      }
      var fieldset = document.getElementById("q-" + question.id);
      fieldset.classList.add(isRight ? "question--right" : "question--wrong");
      var feedback = element("div", "package-feedback");
      feedback.appendChild(
        element("p", "package-feedback__verdict", isRight ? messages.right : messages.wrong)
      );
      picked.forEach(function (choiceId) {
        if (question.feedback[choiceId]) {
          feedback.appendChild(element("p", "feedback", question.feedback[choiceId]));
        }
      });
      if (question.explanation) {
        feedback.appendChild(element("p", "feedback", question.explanation));
      }
      fieldset.appendChild(feedback);
    });
    var score = Math.floor((100 * right) / questions.length);
    var passed = score >= lms.passMark(data.key.passMark);
    form.querySelector("fieldset").disabled = true;
    showResult(
      passed ? "result--passed" : "result--failed",
      [
        ["result__score", messages.score.replace("{score}", String(score))],
        ["", passed ? messages.passed : messages.failed],
      ],
      !passed
    );
    sendToLms(function () {
      return lms.report({ score: score, passed: passed });
    });
  }

  if (form) {
    form.addEventListener("submit", grade);
  }
  if (markCompleted) {
    markCompleted.addEventListener("click", function () {
      markCompleted.disabled = true;
      showResult("result--passed", [["", messages.completed]], false);
      sendToLms(function () {
        return lms.complete();
      });
    });
  }
})();
