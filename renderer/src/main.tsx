document.getElementById('app')!.textContent = 'Peace Messenger';
