/**
 * The dashboard page: "Cases" (channel tab: every case the caller may see, with filters) and
 * "My cases" (personal tab: the caller's role, tasks and dates). One case opens with its
 * timeline chart. Mediators and the provider's administrators also get "Service" (serviceView.ts).
 * Data only from the API, which checks who is asking on every request.
 */
import type { CaseDetail, CaseListAnswer, CaseSummary, DeadlineItem, TabSettings } from '../../domain/dashboard/types';
import { api, ApiError, type Credentials } from './api';
import { h, type Child } from './dom';
import { applyTeamsTheme } from './fluent';
import { createServiceView, SERVICE_NOT_FOR_YOU } from './serviceView';
import { connectToHost, onThemeChange, openInHost, ssoToken, type HostInfo } from './teamsHost';
import { timelineChart, timelineTable } from './timelineChart';

type View = 'channel' | 'personal';
/** What the page shows: the tab's cases, or the service view. */
type Section = 'cases' | 'service';

interface State {
  host: HostInfo;
  settings: TabSettings;
  view: View;
  credentials?: Credentials;
  list?: CaseListAnswer;
  detail?: CaseDetail;
  stateFilter: string;
  weekOnly: boolean;
  section: Section;
  /** Whether the API answered the service view to this caller (it decides, not the page). */
  serviceAllowed: boolean;
}

const LOCAL_USER_KEY = 'send-dashboard-user';
const main = document.getElementById('main') as HTMLElement;
const toolbar = document.getElementById('toolbar') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;
const THEMES: readonly (readonly [HostInfo['theme'], string])[] = [
  ['default', 'Default'],
  ['dark', 'Dark'],
  ['contrast', 'High contrast'],
];

function setStatus(text: string, alert = false): void {
  main.replaceChildren(h('p', { class: alert ? 'message error' : 'message', role: alert ? 'alert' : 'status' }, text));
}

const BADGE_COLOURS: Readonly<Record<string, string>> = { overdue: 'danger', due_today: 'warning', due_this_week: 'warning', done: 'success', happened: 'success' };

/** A status word in a Fluent badge; its colour follows the theme, the word says it all. */
function badge(status: string, word: string): HTMLElement {
  return h('fluent-badge' as 'span', { class: `badge status-${status}`, appearance: 'tint', color: BADGE_COLOURS[status] ?? 'informative' }, word);
}

function deadlineLine(d: DeadlineItem): HTMLElement {
  return h(
    'p',
    { class: 'deadline' },
    badge(d.status, d.statusWord),
    ' ',
    h('strong', {}, d.title),
    h('br'),
    h('span', { class: 'due' }, `Due ${d.dueText}`),
    ' · ',
    h('span', { class: 'left' }, d.left.text),
  );
}

/** Agreed actions after the meeting: the state in words, the agreed date beside the legal limit. */
function actionsSection(items: CaseDetail['actions'], mediator: boolean): HTMLElement | undefined {
  if (items.length === 0) return undefined;
  return h(
    'section',
    { 'aria-labelledby': 'h-actions' },
    h('h3', { id: 'h-actions' }, mediator ? 'Agreed actions' : 'Your agreed actions'),
    h(
      'ul',
      { class: 'tasks' },
      ...items.map((a) =>
        h(
          'li',
          {},
          h('strong', {}, a.overdue ? `Overdue: ${a.statusWord}` : a.statusWord),
          ` · ${a.what} (${a.owner}). Due ${a.dueText}${a.dueNote ? `, ${a.dueNote}` : ''}${a.legalLimitText ? `; legal limit ${a.legalLimitText}` : ''}.`,
        ),
      ),
    ),
  );
}

function progress(label: string, done: number, total: number, text: string): HTMLElement {
  const id = `p-${Math.random().toString(36).slice(2, 8)}`;
  return h(
    'div',
    { class: 'progress' },
    h('span', { id }, `${label}: ${text}`),
    h('progress', { max: String(Math.max(1, total)), value: String(done), 'aria-labelledby': id }),
  );
}

function caseCard(c: CaseSummary, view: View, open: (id: string) => void): HTMLElement {
  const button = h('button', { type: 'button', class: 'case-open', 'aria-describedby': `meta-${c.caseId}` }, `Case ${c.caseReference}`);
  button.addEventListener('click', () => open(c.caseId));
  const parts: Child[] = [
    h('h3', { class: 'case-title' }, button),
    h(
      'p',
      { class: 'meta', id: `meta-${c.caseId}` },
      `${c.caseTypeLabel} · ${c.localAuthority} · ${c.isYoungPerson ? 'Young person' : 'Child'} ${c.childInitials}`,
    ),
    h('p', { class: 'state' }, h('span', { class: `stage stage-${c.stage}` }, c.stateLabel), ' · ', `You: ${c.myRole}`),
  ];
  if (c.next) parts.push(deadlineLine(c.next));
  else parts.push(h('p', { class: 'deadline none' }, 'No open deadlines.'));
  if (c.overdueCount > 1) parts.push(h('p', { class: 'overdue-count' }, badge('overdue', 'Overdue'), ` ${c.overdueCount} deadlines are overdue.`));
  if (view === 'personal' || !c.isMediator) parts.push(h('p', { class: 'task' }, h('strong', {}, 'Your next step: '), c.nextTask));
  else parts.push(h('p', { class: 'task' }, `Meeting: ${c.meetingText}`));
  if (c.preparation) parts.push(progress(c.isMediator ? 'Preparation' : 'Your preparation', c.preparation.done, c.preparation.total, c.preparation.text));
  return h('li', { class: `case-card${c.overdueCount > 0 ? ' has-overdue' : ''}`, 'data-case': c.caseId }, ...parts);
}

function filtered(state: State): CaseSummary[] {
  const cases = state.list?.cases ?? [];
  return cases.filter((c) => (state.stateFilter === '' || c.state === state.stateFilter) && (!state.weekOnly || c.dueThisWeek));
}

function renderList(state: State, open: (id: string) => void): void {
  const list = state.list;
  if (!list) return;
  const heading = h('h2', { tabindex: '-1' }, state.view === 'personal' ? 'My cases' : 'Cases');
  const intro = h('p', { class: 'today' }, `Today is ${list.todayText}.${list.viewer.displayName ? ` Signed in as ${list.viewer.displayName}.` : ''}`);
  if (list.cases.length === 0) {
    main.replaceChildren(heading, intro, h('p', { class: 'message' }, 'You are not part of any case yet.'));
    return;
  }
  const states = [...new Map(list.cases.map((c) => [c.state, c.stateLabel])).entries()];
  const select = h('select', { id: 'filter-state' }, h('option', { value: '' }, 'All stages'), ...states.map(([v, label]) => h('option', { value: v, selected: v === state.stateFilter }, label)));
  const week = h('input', { type: 'checkbox', id: 'filter-week', checked: state.weekOnly });
  const shown = filtered(state);
  const filters = h(
    'div',
    { class: 'filters', role: 'group', 'aria-label': 'Filters' },
    h('label', { for: 'filter-state' }, 'Stage'),
    select,
    h('span', { class: 'check' }, week, h('label', { for: 'filter-week' }, 'Due this week or overdue')),
  );
  const count = h('p', { class: 'count', role: 'status' }, `Showing ${shown.length} of ${list.cases.length} ${list.cases.length === 1 ? 'case' : 'cases'}.`);
  const items = h('ul', { class: 'cases' }, ...shown.map((c) => caseCard(c, state.view, open)));
  select.addEventListener('change', () => {
    state.stateFilter = select.value;
    renderList(state, open);
    document.getElementById('filter-state')?.focus();
  });
  week.addEventListener('change', () => {
    state.weekOnly = week.checked;
    renderList(state, open);
    document.getElementById('filter-week')?.focus();
  });
  main.replaceChildren(heading, intro, filters, count, items);
}

function deadlinesTable(items: readonly DeadlineItem[], caption: string): HTMLElement {
  return h(
    'table',
    { class: 'deadlines' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, 'What'), h('th', { scope: 'col' }, 'Due'), h('th', { scope: 'col' }, 'Time left'), h('th', { scope: 'col' }, 'Who'), h('th', { scope: 'col' }, 'Status')),
    ),
    h(
      'tbody',
      {},
      ...items.map((d) =>
        h(
          'tr',
          { class: `status-${d.status}` },
          h('td', {}, `${d.tNumber ? `${d.tNumber} ` : ''}${d.title}`, d.lastWorkingDayNote ? h('br') : null, d.lastWorkingDayNote ? h('small', {}, d.lastWorkingDayNote) : null),
          h('td', {}, d.dueText),
          h('td', {}, d.status === 'done' ? '' : d.left.text),
          h('td', {}, d.responsible),
          h('td', {}, badge(d.status, d.statusWord), d.doneText ? h('br') : null, d.doneText ? h('small', {}, d.doneText) : null),
        ),
      ),
    ),
  );
}

function linkButton(label: string, url: string, inTeams: boolean): HTMLElement {
  const a = h('a', { href: url, class: 'link', target: '_blank', rel: 'noopener noreferrer' }, label);
  a.addEventListener('click', (e) => {
    if (!inTeams) return;
    e.preventDefault();
    openInHost(url, true);
  });
  return a;
}

function renderDetail(state: State, back: () => void): void {
  const d = state.detail;
  const list = state.list;
  if (!d) return;
  const backButton = h('button', { type: 'button', class: 'back' }, state.view === 'personal' ? '← My cases' : '← All cases');
  backButton.addEventListener('click', back);
  const heading = h('h2', { tabindex: '-1', id: 'case-heading' }, `Case ${d.caseReference}`);
  const facts = h(
    'dl',
    { class: 'facts' },
    h('dt', {}, 'About'),
    h('dd', {}, d.caseTypeLabel),
    h('dt', {}, d.isYoungPerson ? 'Young person' : 'Child'),
    h('dd', {}, d.childInitials),
    h('dt', {}, 'Local authority'),
    h('dd', {}, d.localAuthority),
    h('dt', {}, 'Stage'),
    h('dd', {}, d.stateLabel),
    h('dt', {}, 'Meeting'),
    h('dd', {}, d.meetingText),
    h('dt', {}, 'Your role'),
    h('dd', {}, d.myRole),
    ...(d.preparation ? [h('dt', {}, 'Preparation'), h('dd', {}, d.preparation.text)] : []),
  );
  const links = h('p', { class: 'links' });
  if (d.links.conversation) links.append(linkButton(d.links.conversationLabel ?? 'Open the conversation', d.links.conversation, state.host.inTeams));
  const width = Math.min(main.clientWidth || window.innerWidth, 960) - 2;
  const chartSection = h('section', { 'aria-labelledby': 'h-timeline' }, h('h3', { id: 'h-timeline' }, 'Timeline'));
  if (d.timeline.length === 0) chartSection.append(h('p', {}, 'No dates yet.'));
  else chartSection.append(h('div', { class: 'chart-wrap' }, timelineChart(d.timeline, list?.today ?? '', list?.todayText ?? '', width, d.caseReference)), timelineTable(d.timeline));
  const tasks = h('section', { 'aria-labelledby': 'h-tasks' }, h('h3', { id: 'h-tasks' }, d.isMediator ? 'For the mediators' : 'Your tasks'));
  tasks.append(h('p', { class: 'task' }, h('strong', {}, 'Next step: '), d.nextTask));
  if (d.myTasks.length > 0) tasks.append(h('ul', { class: 'tasks' }, ...d.myTasks.map((t) => h('li', {}, deadlineLine(t)))));
  const all = h('section', { 'aria-labelledby': 'h-deadlines' }, h('h3', { id: 'h-deadlines' }, 'Deadlines'));
  all.append(d.deadlines.length > 0 ? h('div', { class: 'table-wrap' }, deadlinesTable(d.deadlines, 'Every deadline of the case')) : h('p', {}, 'None yet.'));
  const actions = actionsSection(d.actions, d.isMediator);
  const people = h(
    'section',
    { 'aria-labelledby': 'h-people' },
    h('h3', { id: 'h-people' }, 'People'),
    h('p', {}, `Mediators: ${d.mediators.join(', ')}`),
    d.parties.length > 0 ? h('ul', {}, ...d.parties.map((p) => h('li', {}, `${p.displayName}, ${p.roleLabel}`))) : h('p', {}, 'No parties yet.'),
  );
  main.replaceChildren(backButton, heading, facts, links, chartSection, tasks, all, ...(actions ? [actions] : []), people);
  heading.focus();
}

async function boot(): Promise<void> {
  const host = await connectToHost();
  const params = new URLSearchParams(window.location.search);
  // Outside Teams (local mode) the theme can be previewed with ?theme=dark|contrast.
  const asked = THEMES.find(([t]) => t === params.get('theme'))?.[0];
  applyTeamsTheme(host.inTeams ? host.theme : (asked ?? 'default'));
  document.documentElement.lang = host.locale.toLowerCase().startsWith('en') ? host.locale : 'en-GB';
  if (host.inTeams) onThemeChange(applyTeamsTheme);
  const view: View = params.get('view') === 'personal' || host.entityId === 'mycases' ? 'personal' : 'channel';
  let settings: TabSettings;
  try {
    settings = await api.settings();
  } catch {
    setStatus('The dashboard could not reach the bot. Try again in a moment.', true);
    return;
  }
  const state: State = { host, settings, view, stateFilter: '', weekOnly: false, section: params.get('section') === 'service' ? 'service' : 'cases', serviceAllowed: false };
  const wanted = host.subPageId ?? params.get('case') ?? undefined;

  const showError = (err: unknown): void => {
    const message = err instanceof ApiError ? err.message : 'Something went wrong. Try again in a moment.';
    setStatus(message, true);
  };

  const remember = (query: string): void => {
    if (!state.host.inTeams) history.replaceState(null, '', `?${query}${asked ? `&theme=${asked}` : ''}`);
  };

  const service = createServiceView({
    main,
    credentials: () => state.credentials,
    openCase: (id) => void openCase(id),
    openLink: (url) => openInHost(url, state.host.inTeams),
  });

  const openCase = async (caseId: string, fromList = true): Promise<void> => {
    if (!state.credentials) return;
    setStatus('Loading the case…');
    try {
      state.detail = await api.case(state.credentials, caseId);
      showSection('cases');
      remember(`view=${state.view}&case=${encodeURIComponent(caseId)}`);
      renderDetail(state, () => void backToList());
    } catch (err) {
      if (fromList) showError(err);
      else await backToList();
    }
  };

  const backToList = async (): Promise<void> => {
    state.detail = undefined;
    remember(`view=${state.view}`);
    await loadList();
    const target = document.querySelector<HTMLElement>('#main h2');
    target?.focus();
  };

  const loadList = async (): Promise<void> => {
    if (!state.credentials) return;
    setStatus('Loading cases…');
    try {
      state.list = await api.cases(state.credentials);
      renderList(state, (id) => void openCase(id));
    } catch (err) {
      showError(err);
    }
  };

  /** The view entries: shown only when the API answered the service view to this caller. */
  const renderNav = (): void => {
    nav.hidden = !state.serviceAllowed;
    if (!state.serviceAllowed) return;
    const entries: [Section, string][] = [
      ['cases', state.view === 'personal' ? 'My cases' : 'Cases'],
      ['service', 'Service'],
    ];
    nav.replaceChildren(
      ...entries.map(([section, label]) => {
        const b = h('button', { type: 'button', class: 'nav-entry', 'aria-current': state.section === section ? 'page' : false, 'data-section': section }, label);
        b.addEventListener('click', () => void goTo(section));
        return b;
      }),
    );
  };

  const showSection = (section: Section): void => {
    state.section = section;
    renderNav();
  };

  const goTo = async (section: Section): Promise<void> => {
    showSection(section);
    if (section === 'service') {
      state.detail = undefined;
      remember(`view=${state.view}&section=service`);
      await service.reload();
    } else await backToList();
  };

  /**
   * Asks the API once whether this caller may see the service view (no figures are built for
   * that); a refusal only hides its entry. The figures are fetched when the view is opened.
   */
  const probeService = async (): Promise<void> => {
    if (!state.credentials) return;
    try {
      state.serviceAllowed = (await api.serviceAccess(state.credentials)).allowed;
    } catch {
      state.serviceAllowed = false;
    }
    renderNav();
    if (state.section !== 'service') return;
    if (state.serviceAllowed) await service.reload();
    else {
      state.section = 'cases';
      setStatus(SERVICE_NOT_FOR_YOU);
    }
  };

  const start = async (): Promise<void> => {
    if (state.section === 'service') setStatus('Loading the service figures…');
    else {
      await loadList();
      if (wanted && state.list) await openCase(wanted, false);
    }
    await probeService();
  };

  let resizeTimer: number | undefined;
  window.addEventListener('resize', () => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(() => {
      if (state.section === 'service') service.redraw();
      else if (state.detail) renderDetail(state, () => void backToList());
    }, 200);
  });

  if (host.inTeams) {
    state.credentials = { kind: 'token', token: ssoToken };
    await start();
    return;
  }
  if (settings.mode !== 'local' || !settings.localUsers) {
    setStatus('Open this page from the Cases or My cases tab in Microsoft Teams.', true);
    return;
  }
  const switchView = (v: View): void => {
    state.view = v;
    state.detail = undefined;
    showSection('cases');
    remember(`view=${v}`);
    // Opened on the service view, the page has not fetched the list yet.
    if (state.list) renderList(state, (id) => void openCase(id));
    else void loadList();
  };
  renderLocalToolbar(
    state,
    settings.localUsers,
    async (userId) => {
      sessionStorage.setItem(LOCAL_USER_KEY, userId);
      state.credentials = { kind: 'local', userId };
      state.detail = undefined;
      state.serviceAllowed = false;
      await start();
    },
    switchView,
  );
  const remembered = sessionStorage.getItem(LOCAL_USER_KEY);
  if (remembered && settings.localUsers.some((u) => u.aadObjectId === remembered)) {
    state.credentials = { kind: 'local', userId: remembered };
    await start();
  } else {
    setStatus('Local mode: pick a playground user above to see the dashboard as them.');
  }
}

function renderLocalToolbar(
  state: State,
  users: NonNullable<TabSettings['localUsers']>,
  pick: (userId: string) => Promise<void>,
  switchView: (v: View) => void,
): void {
  const remembered = sessionStorage.getItem(LOCAL_USER_KEY) ?? '';
  const select = h(
    'select',
    { id: 'local-user' },
    h('option', { value: '' }, 'Choose…'),
    ...users.map((u) => h('option', { value: u.aadObjectId, selected: u.aadObjectId === remembered }, u.name)),
  );
  const form = h('form', { class: 'local-user' }, h('label', { for: 'local-user' }, 'View as'), select, h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (select.value) void pick(select.value);
  });
  const views = h('div', { class: 'views', role: 'group', 'aria-label': 'Tab' });
  for (const [v, label] of [
    ['channel', 'Cases (channel tab)'],
    ['personal', 'My cases (personal tab)'],
  ] as const) {
    const b = h('button', { type: 'button', 'aria-pressed': String(state.view === v) }, label);
    b.addEventListener('click', () => {
      for (const other of views.querySelectorAll('button')) other.setAttribute('aria-pressed', String(other === b));
      switchView(v);
    });
    views.append(b);
  }
  // Teams sends its theme to a tab; locally this picker stands in for it, through the same function.
  const theme = h('select', { id: 'local-theme' }, ...THEMES.map(([t, label]) => h('option', { value: t, selected: document.body.dataset.theme === t }, label)));
  theme.addEventListener('change', () => applyTeamsTheme(THEMES.find(([t]) => t === theme.value)?.[0] ?? 'default'));
  toolbar.replaceChildren(
    h('p', { class: 'local-note' }, 'Local mode: no Teams sign-in. This page answers only on this computer, and only while the bot runs without Teams credentials.'),
    form,
    views,
    h('div', { class: 'field inline' }, h('label', { for: 'local-theme' }, 'Theme'), theme),
  );
  toolbar.hidden = false;
}

boot().catch(() => {
  // Whatever failed (the host, a render), the page must not stay on "Loading…".
  setStatus('The dashboard could not start. Reload the tab to try again.', true);
});
