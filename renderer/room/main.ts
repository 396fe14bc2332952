document.getElementById('room')!.textContent = 'Room';
