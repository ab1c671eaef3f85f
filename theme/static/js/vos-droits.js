// « Vos droits, vos délais »: the form computes from the reader's dates.
//
// Every number (deadlines, scales), label, letter and French format comes from the
// JSON in #vd-donnees, generated at build time from the Python rules
// (complaints.domain.consumer_law, complaints.present.rights_tool): this file only
// applies them. Nothing typed is sent or stored: no request, no storage API.
(function () {
  "use strict";
  var source = document.getElementById("vd-donnees");
  var section = document.getElementById("calculateur");
  if (!source || !section) return;
  var data = JSON.parse(source.textContent);
  var rules = data.rules;
  var fmt = data.formats;
  var DAY = 86400000;
  var plurals = new Intl.PluralRules("fr-FR");

  // Dates are whole days in UTC: no time zone or daylight saving shift.
  function parseDay(text) {
    var found = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    return found ? Date.UTC(+found[1], +found[2] - 1, +found[3]) : null;
  }
  function addDays(day, days) {
    return day + days * DAY;
  }
  function addMonths(day, months) {
    var d = new Date(day);
    var index = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
    var year = Math.floor(index / 12);
    var month = index % 12;
    var last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return Date.UTC(year, month, Math.min(d.getUTCDate(), last));
  }
  function between(a, b) {
    return Math.round((b - a) / DAY);
  }
  function iso(day) {
    return new Date(day).toISOString().slice(0, 10);
  }
  function dateText(day) {
    var d = new Date(day);
    var first = d.getUTCDate() === 1 ? fmt.first_day : String(d.getUTCDate());
    return first + " " + fmt.months[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }
  function grouped(whole) {
    return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, fmt.group);
  }
  function moneyText(cents) {
    var whole = Math.floor(cents / 100);
    var rest = cents % 100;
    var text = grouped(whole) + (rest ? fmt.decimal + String(rest).padStart(2, "0") : "");
    return text + fmt.currency_suffix;
  }
  function percentText(percent) {
    return grouped(percent) + fmt.percent_suffix;
  }
  function daysText(days) {
    return days + " " + (plurals.select(days) === "one" ? "jour" : "jours");
  }
  function parseCents(text) {
    var found = /^(\d+)(?:[.,](\d{1,2}))?$/.exec((text || "").replace(/\s/g, ""));
    if (!found) return null;
    return parseInt(found[1], 10) * 100 + parseInt((found[2] || "0").padEnd(2, "0"), 10);
  }

  // The scales of the rules, applied as the Python applies them.
  function increase(scale, daysLate) {
    if (daysLate <= 0) return { days: daysLate, percent: 0, interest: false };
    for (var i = 0; i < scale.tiers.length; i++) {
      var tier = scale.tiers[i];
      if (daysLate <= tier.up_to_days) {
        if (tier.percent === null) return { days: daysLate, percent: 0, interest: true };
        return { days: daysLate, percent: tier.percent, interest: false };
      }
    }
    var percent = scale.last_percent;
    if (scale.step_days) {
      var beyond = daysLate - scale.tiers[scale.tiers.length - 1].up_to_days;
      percent += scale.step_percent * Math.ceil(beyond / scale.step_days);
    }
    if (scale.cap_percent !== null && percent >= scale.cap_percent) {
      return { days: daysLate, percent: scale.cap_percent, interest: true };
    }
    return { days: daysLate, percent: percent, interest: false };
  }
  function percentOf(cents, percent) {
    return Math.floor((cents * percent + 50) / 100);
  }

  function fact(key, article, value, text, passed) {
    return { key: key, article: article, value: String(value), text: text, passed: passed };
  }
  function dateFact(key, article, day, passed) {
    return fact(key, article, iso(day), dateText(day), passed);
  }

  function commonSlots(inputs, today) {
    var slots = {};
    ["order_number", "item", "sender", "defect"].forEach(function (name) {
      var value = (inputs[name] || "").trim();
      if (value) slots[name] = value;
    });
    ["order_date", "deadline"].forEach(function (name) {
      var day = parseDay(inputs[name]);
      if (day !== null) slots[name] = dateText(day);
    });
    var cents = parseCents(inputs.amount);
    if (cents !== null) slots.amount = moneyText(cents);
    slots.today = dateText(today);
    slots.delivery_days = String(rules.delivery_days);
    slots.refund_days = String(rules.cancellation_refund_days);
    slots.remedy_days = String(rules.remedy_days);
    return slots;
  }

  function refundFacts(found, scale, days, start, cents, today, paid, articles) {
    var deadline = addDays(start, days);
    var on = paid === null ? today : paid;
    var rise = increase(scale, between(deadline, on));
    var extra = percentOf(cents, rise.percent);
    var passed = rise.days > 0;
    found.facts.push(dateFact("refund_deadline", articles[0], deadline, passed));
    found.slots.refund_deadline = dateText(deadline);
    found.slots.total = moneyText(cents + extra);
    if (!passed) found.states.push("on_time");
    else if (rise.interest && rise.percent) found.states.push("late_capped");
    else if (rise.interest) found.states.push("late_interest");
    else found.states.push("late_percent");
    if (passed) {
      found.facts.push(fact("days_late", articles[1], rise.days, daysText(rise.days), null));
      if (rise.percent) {
        found.facts.push(fact("percent", articles[1], rise.percent, percentText(rise.percent), null));
        found.facts.push(fact("increase_amount", articles[1], extra, moneyText(extra), null));
      }
      if (rise.interest) found.facts.push(fact("interest", articles[1], 1, data.interest_text, null));
      found.slots.days_late = daysText(rise.days);
      found.slots.percent = percentText(rise.percent);
      found.slots.increase_amount = moneyText(extra);
    }
    found.facts.push(fact("total", articles[1], cents + extra, moneyText(cents + extra), null));
    found.next_step = data.next_steps[found.situation][passed ? "late" : "waiting"];
  }

  // One reader's situation: the same answer as rights_tool.answer in Python.
  function answer(situation, inputs) {
    var today = parseDay(inputs.today);
    if (today === null) {
      var now = new Date();
      today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
    }
    var found = { situation: situation, facts: [], states: [], next_step: "", slots: commonSlots(inputs, today) };
    var cents = parseCents(inputs.amount) || 0;
    var start, paid, due, passed;
    if (situation === "livraison") {
      var ordered = parseDay(inputs.order_date);
      if (ordered === null) return found;
      var announced = parseDay(inputs.announced);
      due = announced !== null ? announced : addDays(ordered, rules.delivery_days);
      passed = today > due;
      found.facts.push(dateFact("due", "L216-1", due, passed));
      found.states.push(announced !== null ? "announced" : "not_announced");
      found.slots.due_date = dateText(due);
      found.next_step = data.next_steps.livraison[passed ? "late" : "waiting"];
    } else if (situation === "annulation") {
      start = parseDay(inputs.cancel_date);
      if (start === null) return found;
      found.slots.cancel_date = dateText(start);
      refundFacts(found, rules.cancellation_scale, rules.cancellation_refund_days, start, cents, today, parseDay(inputs.paid), ["L216-7", "L241-4"]);
    } else if (situation === "retractation") {
      start = parseDay(inputs.notice_date);
      if (start === null) return found;
      found.slots.notice_date = dateText(start);
      var returned = parseDay(inputs.returned);
      var from = start;
      if (returned !== null) from = Math.max(start, addDays(returned, -rules.withdrawal_refund_days));
      paid = parseDay(inputs.paid);
      refundFacts(found, rules.withdrawal_scale, rules.withdrawal_refund_days, from, cents, today, paid, ["L221-24", "L242-4"]);
    } else if (situation === "conformite") {
      var delivered = parseDay(inputs.delivery_date);
      if (delivered === null) return found;
      var secondHand = inputs.second_hand === "oui";
      var requested = parseDay(inputs.request_date);
      var months = secondHand ? rules.presumption_months_second_hand : rules.presumption_months;
      var guaranteeEnd = addMonths(delivered, rules.guarantee_months);
      var presumptionEnd = addMonths(delivered, months);
      var noticed = requested !== null ? requested : today;
      var remedy = requested !== null ? addDays(requested, rules.remedy_days) : null;
      var remedyPassed = remedy !== null && today > remedy;
      found.facts.push(dateFact("guarantee_end", "L217-3", guaranteeEnd, noticed > guaranteeEnd));
      found.facts.push(dateFact("presumption_end", "L217-7", presumptionEnd, noticed > presumptionEnd));
      if (remedy !== null) {
        found.facts.push(dateFact("remedy_deadline", "L217-10", remedy, remedyPassed));
        found.slots.remedy_deadline = dateText(remedy);
        found.slots.request_date = dateText(requested);
      }
      found.states.push(noticed > presumptionEnd ? "not_presumed" : "presumed");
      found.states.push(remedyPassed ? "remedy_late" : "remedy_open");
      found.slots.presumption_months = String(months);
      found.slots.delivery_date = dateText(delivered);
      if (inputs.remedy) found.slots.remedy = inputs.remedy;
      var steps = data.next_steps.conformite;
      found.next_step = noticed > guaranteeEnd ? steps.expired : steps[remedyPassed ? "late" : "waiting"];
    }
    return found;
  }

  function letterText(found) {
    var letter = data.letters.filter(function (item) { return item.key === found.situation; })[0];
    return letter.paragraphs
      .filter(function (p) { return p.when === null || found.states.indexOf(p.when) >= 0; })
      .map(function (p) {
        return p.text.replace(/\{([a-z_]+)\}/g, function (all, name) {
          return found.slots[name] || data.slots[name] || all;
        });
      })
      .join("\n\n");
  }

  // The page.
  var form = document.getElementById("vd-form");
  var results = document.getElementById("vd-resultat");
  var letterBlock = document.getElementById("vd-lettre-bloc");
  var letterBox = document.getElementById("vd-lettre");
  var actionState = document.getElementById("vd-action-etat");

  function situation() {
    return form.querySelector("input[name=situation]:checked").value;
  }
  function inputs() {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "situation" || el.closest("fieldset[hidden]")) return;
      if (el.type === "checkbox") values[el.name] = el.checked ? el.value : "";
      else values[el.name] = el.value;
    });
    return values;
  }
  function showFieldsets() {
    var current = situation();
    form.querySelectorAll("fieldset[data-for]").forEach(function (set) {
      set.hidden = set.getAttribute("data-for").split(" ").indexOf(current) < 0;
    });
  }
  function element(name, attrs, text) {
    var el = document.createElement(name);
    Object.keys(attrs).forEach(function (key) { el.setAttribute(key, attrs[key]); });
    if (text !== undefined) el.textContent = text;
    return el;
  }
  function render(found) {
    results.textContent = "";
    if (!found.facts.length) {
      results.appendChild(element("p", {}, "Indiquez au moins la date de départ de votre situation, puis calculez."));
      letterBlock.hidden = true;
      return;
    }
    results.appendChild(element("h3", {}, "Ce que dit la loi pour vos dates"));
    var list = element("ul", { "class": "facts" });
    found.facts.forEach(function (item) {
      var li = element("li", { "data-key": item.key });
      li.appendChild(document.createTextNode(data.labels[item.key] + data.separator));
      var isDate = /^\d{4}-\d{2}-\d{2}$/.test(item.value);
      var value = isDate
        ? element("time", { datetime: item.value }, item.text)
        : element("data", { value: item.value }, item.text);
      var strong = element("strong", {});
      strong.appendChild(value);
      li.appendChild(strong);
      if (item.passed) li.appendChild(document.createTextNode(" (dépassé)"));
      li.appendChild(document.createTextNode(" — "));
      li.appendChild(element("a", { href: data.articles[item.article], rel: "noopener" }, "article " + item.article));
      list.appendChild(li);
    });
    results.appendChild(list);
    results.appendChild(element("p", { "class": "next-step" }, found.next_step));
    letterBox.value = letterText(found);
    letterBlock.hidden = false;
  }

  function say(text) {
    actionState.textContent = text;
  }

  form.addEventListener("change", function (event) {
    if (event.target.name === "situation") showFieldsets();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    render(answer(situation(), inputs()));
  });
  document.getElementById("vd-copier").addEventListener("click", function () {
    var done = function () { say("Lettre copiée."); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(letterBox.value).then(done, function () {
        letterBox.select();
        say("Sélectionnez la lettre et copiez-la (Ctrl+C).");
      });
    } else {
      letterBox.select();
      say("Lettre sélectionnée : copiez-la (Ctrl+C).");
    }
  });
  document.getElementById("vd-imprimer").addEventListener("click", function () {
    document.getElementById("vd-impression").textContent = letterBox.value;
    document.body.classList.add("print-letter");
    window.print();
    document.body.classList.remove("print-letter");
  });
  document.getElementById("vd-telecharger").addEventListener("click", function () {
    var url = URL.createObjectURL(new Blob([letterBox.value], { type: "text/plain;charset=utf-8" }));
    var link = element("a", { href: url, download: "lettre.txt" });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    say("Lettre téléchargée (lettre.txt).");
  });

  var today = new Date();
  var todayField = document.getElementById("vd-today");
  if (!todayField.value) {
    todayField.value = iso(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()));
  }
  showFieldsets();
  section.hidden = false;
  // For the browser test: the answer to a situation, without the form.
  window.vosDroits = { answer: answer, letterText: letterText };
})();
