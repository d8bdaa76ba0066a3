// TipBot operator console: the live parts of the queue and case pages. Plain script, no build step.
// The page renders everything first; this file keeps it current through the console hub (SignalR) and turns the
// action forms into JSON calls to /console/api. Data comes from <script type="application/json" id="console-data">
// and data- attributes, so the Content-Security-Policy can forbid inline scripts.
(() => {
  'use strict';

  const dataElement = document.getElementById('console-data');
  if (!dataElement || typeof signalR === 'undefined') {
    return;
  }
  const data = JSON.parse(dataElement.textContent);
  const strings = data.strings;
  const token = document.querySelector('meta[name="request-verification-token"]')?.content ?? '';

  const say = (key, values = {}) =>
    Object.entries(values).reduce((text, [name, value]) => text.replaceAll(`{${name}}`, String(value)), strings[key] ?? key);

  // Times from the server are UTC; one without a zone (a SQLite value) is read as UTC too.
  const parseTime = value => new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
  // New lines' times in the service's time zone, like the ones the server rendered.
  const clock = (() => {
    try {
      return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: data.timeZone });
    } catch {
      return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    }
  })();

  // --- Messages to the operator -------------------------------------------------------------------------------
  const errorBox = document.getElementById('action-error');
  const doneBox = document.getElementById('action-done');
  function showError(message) {
    if (doneBox) doneBox.textContent = '';
    if (errorBox) errorBox.textContent = message;
  }
  function showDone(message) {
    if (errorBox) errorBox.textContent = '';
    if (doneBox) doneBox.textContent = message;
  }

  // --- Calls to /console/api ----------------------------------------------------------------------------------
  async function send(url, body) {
    let response;
    try {
      response = await fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', RequestVerificationToken: token },
        body: JSON.stringify(body ?? {}),
      });
    } catch {
      throw new Error(say('error.failed'));
    }
    if (response.status === 401) {
      location.assign(`${data.signIn}?ReturnUrl=${encodeURIComponent(location.pathname)}`);
      throw new Error(say('error.failed'));
    }
    if (response.ok) {
      return response.status === 204 ? null : response.json();
    }
    let message = say('error.failed');
    try {
      const problem = await response.json();
      if (problem && problem.detail) message = problem.detail;
    } catch {
      // Not ProblemDetails (a proxy's error page): the generic message stands.
    }
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }

  async function getText(url) {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (response.status === 401) {
      location.assign(`${data.signIn}?ReturnUrl=${encodeURIComponent(location.pathname)}`);
      return null;
    }
    return response.ok ? response.text() : null;
  }

  // --- Filling copies of server-rendered templates ------------------------------------------------------------
  function setField(root, name, value) {
    root.querySelectorAll(`[data-field="${name}"]`).forEach(element => { element.textContent = value ?? ''; });
  }
  function showPart(root, name, visible) {
    root.querySelectorAll(`[data-part="${name}"]`).forEach(element => { element.hidden = !visible; });
  }
  function setList(root, name, items) {
    root.querySelectorAll(`[data-field="${name}"]`).forEach(list => {
      list.replaceChildren(...items.map(text => Object.assign(document.createElement('li'), { textContent: text })));
    });
  }
  function fromTemplate(id) {
    return document.getElementById(id).content.firstElementChild.cloneNode(true);
  }

  // --- Sound and the urgent banner ----------------------------------------------------------------------------
  // Browsers only allow sound after the person has used the page, so the audio context starts on the first click.
  let audio = null;
  const unlockAudio = () => {
    try {
      audio ??= new AudioContext();
      audio.resume();
    } catch (error) {
      console.warn('No sound for urgent cases:', error);
    }
  };
  document.addEventListener('pointerdown', unlockAudio, { once: true });
  document.addEventListener('keydown', unlockAudio, { once: true });

  function beep() {
    if (!audio) return;
    const start = audio.currentTime;
    for (const [offset, pitch] of [[0, 880], [0.25, 660], [0.5, 880]]) {
      const tone = audio.createOscillator();
      const volume = audio.createGain();
      tone.type = 'sine';
      tone.frequency.value = pitch;
      volume.gain.setValueAtTime(0.0001, start + offset);
      volume.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
      volume.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.2);
      tone.connect(volume).connect(audio.destination);
      tone.start(start + offset);
      tone.stop(start + offset + 0.22);
    }
  }

  function showUrgent(summary) {
    const banner = document.getElementById('urgent-alerts');
    if (!banner) return;
    banner.querySelector(`[data-case-id="${summary.id}"]`)?.remove();
    const item = document.createElement('p');
    item.className = 'urgent-item';
    item.dataset.caseId = summary.id;
    item.dataset.testid = 'urgent-alert';
    const text = document.createElement('span');
    text.textContent = say('alert.urgent', { conversation: summary.conversation });
    const link = document.createElement('a');
    link.href = `/console/cases/${summary.id}`;
    link.textContent = say('action.open');
    link.dataset.testid = 'urgent-alert-link';
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.textContent = say('alert.dismiss');
    dismiss.addEventListener('click', () => item.remove());
    item.append(text, link, dismiss);
    banner.append(item);
    beep();
  }

  // --- The queue page -----------------------------------------------------------------------------------------
  function queuePage() {
    const queue = document.getElementById('queue');
    const empty = document.getElementById('queue-empty');
    const count = document.getElementById('queue-count');
    let refreshTimer = 0;

    function waitingText(since) {
      const minutes = Math.floor((Date.now() - parseTime(since).getTime()) / 60000);
      return minutes < 1 ? say('queue.waiting-new') : say('queue.waiting', { minutes });
    }

    function tick() {
      queue.querySelectorAll('[data-field="waiting"]').forEach(time => {
        if (time.dataset.since) time.textContent = waitingText(time.dataset.since);
      });
    }

    function fill(row, item) {
      row.dataset.caseId = item.id;
      row.dataset.status = item.status;
      row.dataset.urgent = String(item.urgent);
      row.classList.toggle('is-urgent', item.urgent);
      row.querySelectorAll('[data-field="link"], [data-field="open"]').forEach(link => { link.href = `/console/cases/${item.id}`; });
      setField(row, 'conversation', item.conversation);
      setField(row, 'status', item.statusLabel);
      setField(row, 'language', item.languageLabel);
      setField(row, 'channel', item.channel);
      setField(row, 'reason', item.reasonLabel);
      setField(row, 'operator', item.operatorName);
      setField(row, 'preview', item.preview);
      setList(row, 'redflags', item.redFlags);
      setList(row, 'signals', item.signals);
      const waiting = row.querySelector('[data-field="waiting"]');
      waiting.dataset.since = item.requestedAt;
      waiting.setAttribute('datetime', item.requestedAt);
      waiting.textContent = waitingText(item.requestedAt);
      showPart(row, 'urgent', item.urgent);
      showPart(row, 'waiting', item.waiting !== '');
      showPart(row, 'operator', !!item.operatorName);
      showPart(row, 'callback', item.callback);
      showPart(row, 'redflags', item.redFlags.length > 0);
      showPart(row, 'signals', item.signals.length > 0);
      showPart(row, 'preview', !!item.preview);
      setField(row, 'callback', item.callbackLabel);
      const accept = row.querySelector('[data-action="accept"]');
      accept.dataset.caseId = item.id;
      accept.hidden = !item.canAccept;
    }

    function render(items) {
      const existing = new Map([...queue.children].map(row => [row.dataset.caseId, row]));
      items.forEach((item, index) => {
        const row = existing.get(item.id) ?? fromTemplate('queue-row-template');
        fill(row, item);
        const current = queue.children[index];
        if (current !== row) queue.insertBefore(row, current ?? null);
      });
      while (queue.children.length > items.length) queue.lastElementChild.remove();
      empty.hidden = items.length > 0;
      const counted = say('queue.count', { count: items.length });
      if (count.textContent !== counted) count.textContent = counted;
    }

    async function refresh() {
      const response = await fetch(`${data.api}/queue`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (response.status === 401) {
        location.assign(data.signIn);
        return;
      }
      if (response.ok) render(await response.json());
    }

    // Every change re-reads the queue, so what this operator may see is decided in one place (CaseReader).
    const scheduleRefresh = () => {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(refresh, 250);
    };

    queue.addEventListener('click', async event => {
      const button = event.target.closest('[data-action="accept"]');
      if (!button) return;
      button.disabled = true;
      try {
        const result = await send(`${data.api}/cases/${button.dataset.caseId}/accept`);
        location.assign(result.url);
      } catch (error) {
        showError(error.message);
        button.disabled = false;
        scheduleRefresh();
      }
    });

    setInterval(tick, 15000);
    tick();
    return { caseChanged: scheduleRefresh, caseDeleted: scheduleRefresh, resync: scheduleRefresh };
  }

  // --- The case page ------------------------------------------------------------------------------------------
  function casePage() {
    const caseId = data.caseId;
    const transcript = document.getElementById('transcript');
    const base = `${data.api}/cases/${caseId}`;
    let liveTimer = 0;

    const lastLineId = () => Math.max(0, ...[...transcript.querySelectorAll('[data-line-id]')].map(line => Number(line.dataset.lineId)));

    // Lines arrive two ways, pushed and caught up after a reply, and the two can cross (a person's answer pushed
    // before the catch-up brings the operator's own line): each goes where its id puts it, so the transcript stays
    // in the order things were said.
    function place(element) {
      const id = Number(element.dataset.lineId);
      const later = [...transcript.querySelectorAll('[data-line-id]')].find(line => Number(line.dataset.lineId) > id);
      if (later) later.before(element); else transcript.append(element);
    }
    const nearBottom = () => transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 80;

    function authorLabel(line) {
      if (line.author === 0 || line.author === 'User') return say('author.user');
      if (line.author === 1 || line.author === 'Bot') return say('author.bot');
      return line.operatorName || say('author.operator');
    }

    function appendLine(line) {
      if (line.caseId !== caseId || transcript.querySelector(`[data-line-id="${line.id}"]`)) return;
      const follow = nearBottom();
      const element = fromTemplate('line-template');
      const author = ['user', 'bot', 'operator'][typeof line.author === 'number' ? line.author : ['User', 'Bot', 'Operator'].indexOf(line.author)] ?? 'user';
      element.className = `line line-${author}${line.urgent ? ' is-urgent' : ''}`;
      element.dataset.lineId = line.id;
      element.dataset.author = author;
      setField(element, 'author', authorLabel(line));
      setField(element, 'text', line.text);
      const time = element.querySelector('[data-field="time"]');
      time.setAttribute('datetime', parseTime(line.at).toISOString());
      time.textContent = clock.format(parseTime(line.at));
      showPart(element, 'urgent', line.urgent);
      place(element);
      if (follow) transcript.scrollTop = transcript.scrollHeight;
    }

    // Lines missed while the connection was down (or not yet pushed), rendered by the server.
    async function catchUp() {
      const html = await getText(`${location.pathname}?handler=Lines&after=${lastLineId()}`);
      if (!html) return;
      const follow = nearBottom();
      const fresh = new DOMParser().parseFromString(`<ol>${html}</ol>`, 'text/html').querySelectorAll('[data-line-id]');
      fresh.forEach(line => {
        if (!transcript.querySelector(`[data-line-id="${line.dataset.lineId}"]`)) place(document.adoptNode(line));
      });
      if (follow) transcript.scrollTop = transcript.scrollHeight;
    }

    // Header, actions and reply box as the server now renders them. What the operator was in the middle of (a reply
    // being written, a release outcome or transfer target chosen) is kept: a message from the person must not undo it.
    async function refreshLive() {
      const html = await getText(`${location.pathname}?handler=Live`);
      if (!html) return;
      const fresh = new DOMParser().parseFromString(html, 'text/html');
      const hadFocus = document.activeElement && document.activeElement.id;
      const chosen = new Map();
      fresh.querySelectorAll('[data-live][id]').forEach(part => {
        const current = document.getElementById(part.id);
        if (!current) return;
        if (part.id === 'reply-area' && current.dataset.state === part.dataset.state) return;
        current.querySelectorAll('select[id], textarea[id]').forEach(field => chosen.set(field.id, field.value));
        current.replaceWith(document.adoptNode(part));
      });
      chosen.forEach((value, id) => {
        const field = document.getElementById(id);
        if (!field || !value) return;
        if (field instanceof HTMLSelectElement && ![...field.options].some(option => option.value === value)) return;
        field.value = value;
      });
      if (hadFocus && document.activeElement === document.body) document.getElementById(hadFocus)?.focus();
    }

    const scheduleLive = () => {
      clearTimeout(liveTimer);
      liveTimer = setTimeout(refreshLive, 250);
    };

    const actions = {
      async accept() {
        await send(`${base}/accept`);
        showDone(say('done.accept'));
        await refreshLive();
        document.getElementById('reply-text')?.focus();
      },
      async reply(form) {
        const box = form.querySelector('textarea');
        const text = box.value.trim();
        if (!text) return;
        try {
          await send(`${base}/reply`, { text });
          box.value = '';
          showDone(say('done.reply'));
        } catch (error) {
          // 502: saved in the transcript but not delivered; clearing the box avoids sending it twice.
          if (error.status === 502) box.value = '';
          throw error;
        } finally {
          await catchUp();
        }
      },
      async note(form) {
        const box = form.querySelector('textarea');
        const text = box.value.trim();
        if (!text) return;
        const note = await send(`${base}/notes`, { text });
        const element = fromTemplate('note-template');
        element.dataset.noteId = note.id;
        setField(element, 'author', note.author);
        setField(element, 'time', note.time);
        element.querySelector('[data-field="time"]').setAttribute('datetime', note.at);
        setField(element, 'text', note.text);
        document.getElementById('notes').append(element);
        box.value = '';
        showDone(say('done.note'));
      },
      async transfer(form) {
        await send(`${base}/transfer`, { operatorId: form.elements.operatorId.value });
        showDone(say('done.transfer'));
        await refreshLive();
      },
      async release(form) {
        await send(`${base}/release`, { outcome: form.elements.outcome.value });
        showDone(say('done.release'));
        await refreshLive();
      },
      async close(form) {
        await send(`${base}/close`, { outcome: form.elements.outcome.value });
        showDone(say('done.close'));
        await refreshLive();
      },
      async 'callback-number'(form) {
        const result = await send(`${base}/callback-number`);
        form.querySelector('output').textContent = result.number;
        form.querySelector('button').hidden = true;
      },
    };

    document.addEventListener('submit', async event => {
      const form = event.target;
      const action = actions[form.dataset.action];
      if (!action) return;
      event.preventDefault();
      if (!form.checkValidity()) {
        form.reportValidity();
        return;
      }
      const buttons = form.querySelectorAll('button');
      buttons.forEach(button => { button.disabled = true; });
      try {
        await action(form);
      } catch (error) {
        showError(error.message);
        if (error.status === 409 || error.status === 403) scheduleLive();
      } finally {
        buttons.forEach(button => { button.disabled = false; });
      }
    });

    // Enter sends, Shift+Enter starts a new line (and Enter while an input method is composing is left alone).
    document.addEventListener('keydown', event => {
      if (event.target.id !== 'reply-text' || event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
      event.preventDefault();
      event.target.form.requestSubmit();
    });

    // A ready reply fills the box (after what is already written), ready to edit before sending.
    document.addEventListener('change', event => {
      if (event.target.id !== 'canned-select' || !event.target.value) return;
      const box = document.getElementById('reply-text');
      box.value = box.value.trim() ? `${box.value.trimEnd()}\n${event.target.value}` : event.target.value;
      event.target.value = '';
      box.focus();
    });

    // The person deleted their messages: the case is gone on the server, so its words leave this screen too and nothing
    // here can act on it any more.
    function showDeleted() {
      clearTimeout(liveTimer);
      document.querySelectorAll('#transcript > *, #notes > *').forEach(item => item.remove());
      document.querySelectorAll('.case-layout button, .case-layout textarea, .case-layout select').forEach(control => { control.disabled = true; });
      showError(say('case.deleted'));
    }

    transcript.scrollTop = transcript.scrollHeight;
    return {
      watch: connection => connection.invoke('Watch', caseId),
      messageAdded: appendLine,
      caseChanged: summary => { if (summary.id === caseId) scheduleLive(); },
      caseDeleted: id => { if (id === caseId) showDeleted(); },
      resync: () => Promise.all([catchUp(), refreshLive()]),
    };
  }

  // --- The hub ------------------------------------------------------------------------------------------------
  const page = data.page === 'case' ? casePage() : queuePage();
  const status = document.getElementById('connection');
  const setStatus = state => {
    if (!status) return;
    status.dataset.state = state;
    status.textContent = say(`live.${state}`);
  };

  const connection = new signalR.HubConnectionBuilder()
    .withUrl(data.hub)
    .withAutomaticReconnect([0, 2000, 5000, 10000, 20000, 30000])
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  connection.on('CaseChanged', summary => page.caseChanged?.(summary));
  connection.on('UrgentCase', showUrgent);
  connection.on('CaseDeleted', id => page.caseDeleted?.(id));
  connection.on('MessageAdded', line => page.messageAdded?.(line));
  connection.onreconnecting(() => setStatus('reconnecting'));
  // "live" only once the page watches its case again and has caught up: a line pushed before the join reached nobody.
  connection.onreconnected(async () => {
    await page.watch?.(connection);
    await page.resync?.();
    setStatus('live');
  });
  connection.onclose(() => {
    setStatus('offline');
    setTimeout(start, 15000);
  });

  async function start() {
    try {
      await connection.start();
      // A person's line pushed between the page's first render and joining the case's group went to nobody and showed
      // only at the next refresh (seen under load in the browser test): join, then catch up, then say "live".
      await page.watch?.(connection);
      await page.resync?.();
      setStatus('live');
    } catch (error) {
      console.warn('Console hub not reachable:', error);
      setStatus('offline');
      setTimeout(start, 10000);
    }
  }
  start();
})();
