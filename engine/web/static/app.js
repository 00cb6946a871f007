// The upload form (drag and drop, a busy button) and the result page (waivers made in the browser).
(function () {
  document.querySelectorAll('label.drop').forEach(function (zone) {
    var input = zone.querySelector('input[type=file]');
    var label = zone.querySelector('span');
    var shown = function () { if (input.files.length) label.textContent = input.files[0].name; };
    input.addEventListener('change', shown);
    zone.addEventListener('dragover', function (e) { e.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
    zone.addEventListener('drop', function (e) {
      e.preventDefault(); zone.classList.remove('over');
      if (e.dataTransfer.files.length) { input.files = e.dataTransfer.files; shown(); }
    });
  });
  var form = document.getElementById('check-form');
  if (form) form.addEventListener('submit', function () {
    var b = document.getElementById('submit');
    setTimeout(function () { b.disabled = true; b.textContent = b.dataset.busy; }, 0);
  });

  var report = document.getElementById('report');
  var tpl = document.getElementById('accept-form');
  if (!report || !tpl) return;
  var waivers = [];
  var q = function (s) { return JSON.stringify(String(s)); };  // a JSON string is a YAML string
  function refresh() {
    var yaml = waivers.map(function (w) {
      var lines = ['- rule: ' + q(w.rule)];
      if (w.item) lines.push('  item: ' + q(w.item));
      lines.push('  reason: ' + q(w.reason), '  approver: ' + q(w.approver));
      if (w.expires) lines.push('  expires: ' + q(w.expires));
      return lines.join('\n');
    }).join('\n') + (waivers.length ? '\n' : '');
    var pre = document.getElementById('waivers-yaml');
    var link = document.getElementById('waivers-download');
    pre.textContent = yaml; pre.hidden = link.hidden = !waivers.length;
    document.getElementById('waivers-none').hidden = !!waivers.length;
    document.getElementById('waiver-count').textContent = waivers.length;
    if (link.dataset.url) URL.revokeObjectURL(link.dataset.url);
    link.dataset.url = link.href = URL.createObjectURL(new Blob([yaml], {type: 'application/yaml'}));
  }
  report.querySelectorAll('.finding:not(.is-waived)').forEach(function (card) {
    var btn = document.createElement('button');
    btn.type = 'button'; btn.className = 'accept-btn';
    btn.textContent = report.dataset.accept; btn.title = report.dataset.acceptTitle;
    card.appendChild(btn);
    btn.addEventListener('click', function () {
      var f = tpl.content.firstElementChild.cloneNode(true);
      btn.hidden = true; card.appendChild(f); f.querySelector('input').focus();
      f.querySelector('.cancel').addEventListener('click', function () { f.remove(); btn.hidden = false; });
      f.addEventListener('submit', function (e) {
        e.preventDefault();
        waivers.push({rule: card.dataset.rule, item: card.dataset.item, reason: f.reason.value,
                      approver: f.approver.value, expires: f.expires.value});
        f.remove(); card.classList.add('accepted');
        var note = document.createElement('p'); note.className = 'accepted-note';
        note.textContent = report.dataset.accepted + '：' + f.reason.value; card.appendChild(note);
        refresh(); document.getElementById('waivers').open = true;
      });
    });
  });
})();
