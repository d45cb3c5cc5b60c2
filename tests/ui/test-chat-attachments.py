#!/usr/bin/python3
# Attachments in the conversation (issue 12): a message sent with a photo
# and a PDF through steward-cli shows them above its text when the
# conversation is opened (a thumbnail for the photo, the page count for
# the PDF), named for screen readers, each focusable, and still
# after a restart. In the app, Attach Files… adds a photo to the message
# being written (a cut PNG is refused in a toast naming it), and the
# photo goes to the model with the message and shows in it.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import tempfile

import cairo
import gi

gi.require_version('GdkPixbuf', '2.0')
from gi.repository import GdkPixbuf  # noqa: E402

import chatui  # noqa: E402
import stewardui as ui  # noqa: E402

chatui.require_tools()

QUESTION = 'What do these say?'


def write_image(path, width, height):
    pixbuf = GdkPixbuf.Pixbuf.new(GdkPixbuf.Colorspace.RGB, False, 8, width, height)
    pixbuf.fill(0x3366ccff)
    pixbuf.savev(path, 'png', [], [])


def write_text_image(path, text):
    surface = cairo.ImageSurface(cairo.FORMAT_RGB24, 900, 200)
    cr = cairo.Context(surface)
    cr.set_source_rgb(1, 1, 1)
    cr.paint()
    cr.set_source_rgb(0, 0, 0)
    cr.select_font_face('DejaVu Sans')
    cr.set_font_size(56)
    cr.move_to(40, 120)
    cr.show_text(text)
    surface.write_to_png(path)


def write_pdf(path, pages):
    surface = cairo.PDFSurface(path, 595, 842)
    cr = cairo.Context(surface)
    cr.set_font_size(14)
    for text in pages:
        cr.move_to(72, 72)
        cr.show_text(text)
        cr.show_page()
    surface.finish()


def attachment(steward, name):
    """The visible attachment button whose name starts with @name."""
    for node in ui.find_all(steward.app, 'push button'):
        if node.name and node.name.startswith(name) and ui.is_visible(node):
            return node
    return None


def attach(steward, path):
    ui.run(['xdotool', 'mousemove', '0', '0'])
    steward.click('push button', 'Attach Files…')
    ui.choose_file('Attach Files', path)


def open_conversation(steward, title):
    chatui.open_chat(steward)
    conversations = steward.wait_visible('list', 'Conversations')
    ui.click(ui.wait_for(lambda: ui.find(conversations, 'label', title), f'the conversation “{title}”'))
    ui.wait_for(lambda: chatui.shows_text(steward, QUESTION), 'the conversation to open')


def body(steward):
    folder = tempfile.mkdtemp(prefix='steward-attachments-')
    replay = chatui.Replay('openai')
    try:
        photo = os.path.join(folder, 'whiteboard.png')
        plan = os.path.join(folder, 'plan.pdf')
        write_image(photo, 1200, 800)
        write_pdf(plan, ['Quarterly plan', 'Budget 4200', 'Ship by Friday'])
        note = os.path.join(folder, 'note.png')
        write_text_image(note, 'Buy oat milk today')

        data = steward.data_dir
        chatui.cli(data, 'provider', 'add', 'local', '--kind', 'openai', '--base-url', replay.url + '/v1',
                   '--model', 'text_stream', '--api-key-env', chatui.TEST_KEY_ENV)
        chatui.cli(data, 'tier', 'set', 'medium', 'local', 'text_stream')
        chatui.cli(data, 'model', 'set', 'local', 'text_stream', '--vision', 'yes')
        chatui.cli(data, 'chat', '--attach', photo, '--attach', plan, '--attach', note, QUESTION)
        title = chatui.conversations(data)[0]['title']

        for start in range(2):
            steward.start()
            open_conversation(steward, title)

            picture = ui.wait_for(lambda: attachment(steward, 'whiteboard.png'), 'the photo attached')
            assert picture.name == 'whiteboard.png, 1200 × 800', picture.name
            pdf = ui.wait_for(lambda: attachment(steward, 'plan.pdf'), 'the PDF attached')
            assert pdf.name == 'plan.pdf, 3 pages', pdf.name
            strip = ui.wait_for(lambda: steward.find_visible('panel', 'Attachments') or
                                steward.find_visible('grouping', 'Attachments'), 'the attachments’ group')
            assert strip is not None

            # The photo's thumbnail is drawn (an image in the button)
            ui.wait_for(lambda: ui.find_all(picture, 'image') or ui.find_all(picture, 'picture'),
                        'the thumbnail')

            # Reachable with the keyboard: each is a button of its own
            for node in (picture, pdf):
                assert node.getState().contains(ui.pyatspi.STATE_FOCUSABLE), node.name

            if start == 0:
                ui.run(['import', '-window', 'root', os.path.join(tempfile.gettempdir(),
                                                                  'steward-attachments.png')])
                # Extract Text on the note: its words, read offline, go
                # into the message being written
                if os.environ.get('STEWARD_HAVE_OCR') == '1':
                    ui.click(ui.wait_for(lambda: attachment(steward, 'Extract Text From note.png'),
                                         'Extract Text on the note'))
                    composer = steward.wait_visible('text', 'Message')
                    ui.wait_for(lambda: 'milk' in steward.entry_text(composer).lower(),
                                'the note’s words in the composer')
            steward.stop()

        # Written in the app: Attach Files…, a cut PNG refused, then sent
        cut = os.path.join(folder, 'torn.png')
        with open(photo, 'rb') as f:
            whole = f.read()
        with open(cut, 'wb') as f:
            f.write(whole[:len(whole) // 2])
        steward.start()
        chatui.open_chat(steward)
        steward.click('push button', 'New Conversation')
        attach(steward, cut)
        ui.wait_for(lambda: [n for n in ui.find_all(steward.app, 'label')
                             if n.name and 'torn.png' in n.name and ui.is_visible(n)], 'the toast naming torn.png')
        assert attachment(steward, 'Remove torn.png') is None
        attach(steward, photo)
        ui.wait_for(lambda: steward.find_visible('push button', 'Remove whiteboard.png'), 'the photo in the composer')
        before = len([r for r in replay.requests() if r['method'] == 'POST'])
        ui.run(['xdotool', 'windowfocus', '--sync', ui.wait_for(lambda: ui.x_window('Steward'), 'the main window')])
        chatui.send(steward, 'And this one?')
        ui.wait_for(lambda: steward.find_visible('push button', 'Remove whiteboard.png') is None,
                    'the composer to let go of the photo once sent')
        ui.wait_for(lambda: len([r for r in replay.requests() if r['method'] == 'POST']) > before, 'the request')
        def chat_request():
            for r in replay.requests():
                if r['method'] != 'POST':
                    continue
                users = [m for m in r['body'].get('messages', []) if m['role'] == 'user']
                if users and isinstance(users[-1]['content'], list) and \
                        users[-1]['content'][0].get('text') == 'And this one?':
                    return users[-1]['content']
            return None
        parts = ui.wait_for(chat_request, 'the message sent with its photo')
        assert [p['type'] for p in parts] == ['text', 'image_url'], parts
        ui.wait_for(lambda: attachment(steward, 'whiteboard.png, 1200 × 800'), 'the photo shown in the message')
        ui.run(['import', '-window', 'root', os.path.join(tempfile.gettempdir(), 'steward-composer-attach.png')])
    finally:
        replay.stop()
        shutil.rmtree(folder, ignore_errors=True)


ui.main('test-chat-attachments', body)
