// The incoming-call popup: shows who calls and sends the user's answer to main (window.peaceLocal).
const strings = {
  en: { title: 'Incoming video call', accept: 'Accept', decline: 'Decline' },
  'zh-CN': { title: '视频来电', accept: '接听', decline: '拒绝' },
};

const api = window.peaceLocal.incomingCall;
const byId = (id) => document.getElementById(id);

api.getView().then((view) => {
  if (!view) return;
  const text = strings[view.language] ?? strings.en;
  document.documentElement.lang = view.language;
  document.title = text.title;
  byId('title').textContent = text.title;
  byId('caller').textContent = view.callerName;
  byId('accept').textContent = text.accept;
  byId('decline').textContent = text.decline;
});

// Main closes this window as soon as the answer is recorded; disable to avoid a double answer.
function answer(accepted) {
  byId('accept').disabled = true;
  byId('decline').disabled = true;
  void api.answer(accepted);
}
byId('accept').addEventListener('click', () => answer(true));
byId('decline').addEventListener('click', () => answer(false));
