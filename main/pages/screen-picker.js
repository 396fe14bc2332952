// The screen-share picker: lists screens and windows; the chosen id goes to main (window.peaceLocal).
const strings = {
  en: { title: 'Choose what to share', cancel: 'Cancel', screen: 'Entire screen' },
  'zh-CN': { title: '选择要共享的内容', cancel: '取消', screen: '整个屏幕' },
};

const api = window.peaceLocal.screenPicker;
const sourcesEl = document.getElementById('sources');

api.getSources().then(({ sources, language }) => {
  const text = strings[language] ?? strings.en;
  document.documentElement.lang = language;
  document.title = text.title;
  document.getElementById('title').textContent = text.title;
  document.getElementById('cancel').textContent = text.cancel;
  const screens = sources.filter((source) => source.kind === 'screen').length;
  for (const source of sources) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'source';
    const image = document.createElement('img');
    image.src = source.thumbnail;
    image.alt = '';
    const label = document.createElement('span');
    // textContent, never innerHTML: window titles come from other applications.
    label.textContent = source.kind === 'screen' && screens === 1 ? text.screen : source.name;
    button.append(image, label);
    button.addEventListener('click', () => api.choose(source.id));
    sourcesEl.append(button);
  }
});

document.getElementById('cancel').addEventListener('click', () => api.choose(null));
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') api.choose(null);
});
