#!/usr/bin/python3
# Attaching a scanned PDF (issue 12): its pages are read with text
# recognition, seconds each, off the main thread. Meanwhile the composer
# shows a pending chip, "Attaching first.pdf", with a progress bar, which
# becomes the usual chip once the file is attached; Stop on a second,
# slow one takes it off and nothing of it is attached; a message sent
# (Enter) while a third is attaching goes once it is, with the text
# recognised in it, and the files in the order they were added (a text
# file added after the scan, attached before it, goes after it).
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import sys
import tempfile

import cairo

import chatui
import stewardui as ui

chatui.require_tools()

if os.environ.get('STEWARD_HAVE_OCR') != '1':
    print('# text recognition (tesseract) is not built in')
    sys.exit(ui.SKIP)

QUESTION = 'What do the scans say?'


def scan(text, lines):
    """A page as a scanner gives it: an image of @text, on @lines lines
    (the more, the longer it takes to read), no text layer."""
    image = cairo.ImageSurface(cairo.FORMAT_RGB24, 1654, 200 + 100 * lines)
    cr = cairo.Context(image)
    cr.set_source_rgb(1, 1, 1)
    cr.paint()
    cr.set_source_rgb(0, 0, 0)
    cr.select_font_face('DejaVu Sans')
    cr.set_font_size(60)
    for line in range(lines):
        cr.move_to(120, 200 + 100 * line)
        cr.show_text(text)
    image.flush()
    return image


def write_scanned_pdf(path, pages, lines=1):
    """A PDF of A4 pages holding nothing but the images of @pages."""
    pdf = cairo.PDFSurface(path, 595, 842)
    cr = cairo.Context(pdf)
    for text in pages:
        image = scan(text, lines)
        cr.save()
        cr.scale(595 / image.get_width(), 595 / image.get_width())
        cr.set_source_surface(image, 0, 0)
        cr.paint()
        cr.restore()
        cr.show_page()
    pdf.finish()


def attach(steward, path):
    ui.run(['xdotool', 'mousemove', '0', '0'])
    steward.click('push button', 'Attach Files…')
    ui.choose_file('Attach Files', path)


def sent_messages(replay):
    """The question as each chat request sent it (the title asked for
    afterwards left out), its parts as JSON text."""
    sent = []
    for r in replay.requests():
        if r['method'] != 'POST':
            continue
        users = [m for m in r['body'].get('messages', []) if m['role'] == 'user']
        if users and isinstance(users[-1]['content'], list) and \
                users[-1]['content'][0].get('text') == QUESTION:
            sent.append(json.dumps(users[-1]['content']).lower())
    return sent


def body(steward):
    folder = tempfile.mkdtemp(prefix='steward-attach-progress-')
    replay = chatui.Replay('openai')
    try:
        first = os.path.join(folder, 'first.pdf')
        slow = os.path.join(folder, 'slow.pdf')
        third = os.path.join(folder, 'scan.pdf')
        write_scanned_pdf(first, ['Garden shed invoice', 'Please pay by Monday'])
        write_scanned_pdf(slow, ['Zebra crossing %d' % i for i in range(40)])
        write_scanned_pdf(third, ['Quarterly budget plan %d' % i for i in range(30)], lines=20)
        note = os.path.join(folder, 'note.txt')
        with open(note, 'w', encoding='utf-8') as f:
            f.write('Bring the receipts.\n')

        data = steward.data_dir
        chatui.cli(data, 'provider', 'add', 'local', '--kind', 'openai', '--base-url', replay.url + '/v1',
                   '--model', 'text_stream', '--api-key-env', chatui.TEST_KEY_ENV)
        chatui.cli(data, 'tier', 'set', 'medium', 'local', 'text_stream')

        steward.start()
        chatui.open_chat(steward)
        steward.click('push button', 'New Conversation')

        # A pending chip with a progress bar, then the usual chip in its place
        attach(steward, first)
        steward.wait_visible('progress bar', 'Attaching first.pdf')
        assert steward.find_visible('push button', 'Stop Attaching first.pdf') is not None
        steward.wait_visible('push button', 'Remove first.pdf', timeout=60)
        steward.wait_gone('progress bar', 'Attaching first.pdf')

        # Stopped: gone, and never attached
        attach(steward, slow)
        bar = steward.wait_visible('progress bar', 'Attaching slow.pdf')
        # Its pages counted as they are read (0 to 1)
        ui.wait_for(lambda: 0 < bar.queryValue().currentValue < 1, 'the pages read so far', 30)
        ui.run(['import', '-window', 'root', os.path.join(tempfile.gettempdir(),
                                                          'steward-attach-progress.png')])
        steward.click('push button', 'Stop Attaching slow.pdf')
        steward.wait_gone('progress bar', 'Attaching slow.pdf')
        assert steward.find_visible('push button', 'Remove slow.pdf') is None
        assert steward.find_visible('push button', 'Remove first.pdf') is not None

        # Enter while a file is attaching: the message waits for it
        wid = ui.wait_for(lambda: ui.x_window('Steward'), 'the main window')
        ui.run(['xdotool', 'windowfocus', '--sync', wid])
        composer = steward.click('text', 'Message')
        ui.wait_for(lambda: composer.getState().contains(ui.pyatspi.STATE_FOCUSED),
                    'the composer to take the focus')
        ui.run(['xdotool', 'type', '--delay', '5', QUESTION])
        ui.wait_for(lambda: steward.entry_text(composer) == QUESTION, 'the composer to read the question')
        attach(steward, third)
        steward.wait_visible('progress bar', 'Attaching scan.pdf')
        # A quick one added after it is attached first, yet goes after it
        attach(steward, note)
        steward.wait_visible('push button', 'Remove note.txt')
        assert steward.find_visible('progress bar', 'Attaching scan.pdf') is not None, 'scan.pdf attached too soon'
        ui.run(['xdotool', 'windowfocus', '--sync', wid])
        composer = steward.click('text', 'Message')
        ui.wait_for(lambda: composer.getState().contains(ui.pyatspi.STATE_FOCUSED),
                    'the composer to take the focus again')
        steward.key('Return')
        # Said beside the chip, and nothing sent yet
        steward.wait_visible('label', 'Sends once attached')
        assert sent_messages(replay) == [], 'sent before the file was attached'

        ui.wait_for(lambda: sent_messages(replay), 'the message once the file is attached', 120)
        sent = sent_messages(replay)[0]
        assert 'what do the scans say?' in sent, sent
        assert 'quarterly' in sent and 'budget' in sent, sent
        assert 'garden' in sent and 'invoice' in sent, sent
        assert 'recognised from the scan' in sent, sent
        assert 'zebra' not in sent, sent
        # In the order they were added
        assert sent.index('first.pdf') < sent.index('scan.pdf') < sent.index('note.txt'), sent
        assert 'receipts' in sent, sent
        steward.wait_gone('push button', 'Remove scan.pdf')
        steward.wait_gone('label', 'Sends once attached')
        ui.wait_for(lambda: chatui.shows_text(steward, QUESTION), 'the message in the conversation')
        assert len(sent_messages(replay)) == 1, 'sent more than once'

    finally:
        replay.stop()
        shutil.rmtree(folder, ignore_errors=True)


ui.main('test-chat-attach-progress', body)
