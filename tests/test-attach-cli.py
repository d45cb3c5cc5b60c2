#!/usr/bin/python3
# test-attach-cli.py: steward-cli chat --attach and tasks extract --file
# with images and PDFs, against the replay server answering as OpenAI.
# The images are made with gdk-pixbuf and the PDFs with cairo, through
# Debian's python3-gi and python3-cairo.
#
# Copyright 2026 The Steward authors
# SPDX-License-Identifier: GPL-3.0-or-later

import base64
import json
import os
import sqlite3

import cairo
import gi

gi.require_version('GdkPixbuf', '2.0')
from gi.repository import GdkPixbuf  # noqa: E402

import replaycli  # noqa: E402

# What OpenAI is sent at most (STEWARD_OPENAI_IMAGE_EDGE)
OPENAI_EDGE = 2048


def write_image(path, width, height, kind='png'):
    pixbuf = GdkPixbuf.Pixbuf.new(GdkPixbuf.Colorspace.RGB, False, 8, width, height)
    pixbuf.fill(0xeeeeddff)
    pixbuf.savev(path, kind, [], [])


def write_pdf(path, pages):
    surface = cairo.PDFSurface(path, 595, 842)
    cr = cairo.Context(surface)
    cr.select_font_face('Sans')
    cr.set_font_size(14)
    for lines in pages:
        for i, line in enumerate(lines):
            cr.move_to(72, 72 + 20 * i)
            cr.show_text(line)
        cr.show_page()
    surface.finish()


def decoded_size(data_url):
    prefix, data = data_url.split(',', 1)
    loader = GdkPixbuf.PixbufLoader()
    loader.write(base64.b64decode(data))
    loader.close()
    pixbuf = loader.get_pixbuf()
    return prefix, pixbuf.get_width(), pixbuf.get_height()


class AttachTestCase(replaycli.ReplayCliTestCase):
    key = 'sk-test-attach'

    def setUp(self):
        super().setUp()
        self.ok('settings', 'set', 'memory.auto', 'false')

    def path(self, name):
        return os.path.join(self.tmp, name)

    def user_content(self, request=-1):
        return self.requests()[request]['body']['messages'][-1]['content']

    def conversations(self):
        return json.loads(self.ok('conversations', 'list', '--json'))

    def db(self):
        return sqlite3.connect(os.path.join(self.data_dir, 'steward.db'))


class TestChatAttach(AttachTestCase):
    def test_image_and_pdf_sent_and_kept(self):
        self.answer_with('text_stream')
        self.ok('model', 'set', 'replay', 'text_stream', '--vision', 'yes')
        write_image(self.path('whiteboard.png'), 6000, 4000)
        write_pdf(self.path('plan.pdf'), [['Quarterly plan', 'Ship by Friday'], ['Budget 4200']])

        reply = json.loads(self.ok('chat', '--json', '--attach', self.path('whiteboard.png'),
                                   '--attach', self.path('plan.pdf'), 'What do these say?'))
        self.assertEqual(reply['status'], 'complete')

        parts = self.user_content()
        self.assertEqual(parts[0], {'type': 'text', 'text': 'What do these say?'})
        self.assertEqual(parts[1]['type'], 'image_url')
        prefix, width, height = decoded_size(parts[1]['image_url']['url'])
        self.assertEqual(prefix, 'data:image/jpeg;base64')
        self.assertEqual((width, height), (OPENAI_EDGE, OPENAI_EDGE * 4000 // 6000))
        self.assertEqual(parts[2]['type'], 'text')
        self.assertTrue(parts[2]['text'].startswith('<attachment name="plan.pdf">\n--- Page 1 ---\n'),
                        parts[2]['text'])
        self.assertIn('Ship by Friday', parts[2]['text'])
        self.assertIn('--- Page 2 ---\nBudget 4200\n', parts[2]['text'])

        # Copies named by hash, linked to the message in order
        with self.db() as db:
            rows = db.execute('SELECT l.position, l.name, a.kind, a.width, a.height, a.pages, a.hash'
                              '  FROM message_attachments l JOIN attachments a ON a.id = l.attachment_id'
                              ' ORDER BY l.position').fetchall()
        self.assertEqual([r[:6] for r in rows], [(0, 'whiteboard.png', 'image', 6000, 4000, None),
                                                  (1, 'plan.pdf', 'pdf', None, None, 2)])
        for row in rows:
            self.assertTrue(os.path.isfile(os.path.join(self.data_dir, 'attachments', row[6])))

        # Read back in a later run, and in exports
        conversation = str(reply['conversation_id'])
        shown = json.loads(self.ok('conversations', 'show', conversation, '--json'))
        user, answer = shown['messages']
        self.assertEqual(answer['attachments'], [])
        self.assertEqual([(a['name'], a['kind'], a['content_type']) for a in user['attachments']],
                         [('whiteboard.png', 'image', 'image/png'), ('plan.pdf', 'pdf', 'application/pdf')])
        self.assertEqual((user['attachments'][0]['width'], user['attachments'][0]['height']), (6000, 4000))
        self.assertEqual(user['attachments'][1]['pages'], 2)
        self.assertEqual(user['attachments'][0]['hash'], rows[0][6])
        markdown = self.ok('conversations', 'export', conversation, '--format', 'md')
        self.assertIn('What do these say?\n\n- Attached: whiteboard.png\n- Attached: plan.pdf\n', markdown)

        # The next message sends them again with the first one
        self.ok('chat', '--conversation', conversation, 'And the budget?')
        messages = self.requests()[-1]['body']['messages']
        self.assertEqual(messages[1]['content'][1]['type'], 'image_url')
        self.assertEqual(messages[-1]['content'], 'And the budget?')

    def test_text_file_sent_with_its_name(self):
        self.answer_with('text_stream')
        with open(self.path('notes.c'), 'w', encoding='utf-8') as f:
            f.write('int main (void) { return 0; }\n')
        self.ok('chat', '--attach', self.path('notes.c'), 'Review this')
        self.assertEqual(self.user_content()[1],
                         {'type': 'text',
                          'text': '<attachment name="notes.c">\nint main (void) { return 0; }\n</attachment>'})

    def test_refused_attachment_sends_nothing(self):
        self.answer_with('text_stream')
        self.ok('model', 'set', 'replay', 'text_stream', '--vision', 'yes')
        write_image(self.path('whole.png'), 640, 480)
        with open(self.path('whole.png'), 'rb') as f:
            data = f.read()
        with open(self.path('photo.png'), 'wb') as f:
            f.write(data[:len(data) // 2])

        self.assertEqual(self.fails(1, 'chat', '--attach', self.path('whole.png'),
                                    '--attach', self.path('photo.png'), 'Look'),
                         'steward-cli: photo.png is not a complete PNG image.')
        self.assertEqual(self.fails(1, 'chat', '--attach', self.path('missing.jpg'), 'Look'),
                         'steward-cli: Could not read missing.jpg: No such file or directory.')
        with open(self.path('blob.bin'), 'wb') as f:
            f.write(bytes(range(256)) * 4)
        self.assertEqual(self.fails(1, 'chat', '--attach', self.path('blob.bin'), 'Look'),
                         'steward-cli: blob.bin is not an image, audio file, PDF or text file, '
                         'the kinds of file Steward can attach.')
        self.assertEqual(self.requests(), [])
        self.assertEqual(self.conversations(), [])

    def test_model_that_cannot_see(self):
        self.answer_with('text_stream')
        write_image(self.path('cat.jpg'), 800, 600, 'jpeg')
        self.assertEqual(self.fails(1, 'chat', '--attach', self.path('cat.jpg'), 'What is this?'),
                         'steward-cli: The model text_stream cannot see images, so cat.jpg was not sent: '
                         'choose a model that can, or say that this one can with “steward-cli model set”.')
        self.assertEqual(self.requests(), [])
        self.assertEqual(self.conversations(), [])
        self.assertIn('is yes or no', self.fails(2, 'model', 'set', 'replay', 'text_stream', '--vision', 'maybe'))

        # Said once, it holds; reset, the name decides again
        self.ok('model', 'set', 'replay', 'text_stream', '--vision', 'yes')
        self.ok('chat', '--attach', self.path('cat.jpg'), 'What is this?')
        self.assertEqual(len(self.requests()), 1)
        self.ok('model', 'reset', 'replay', 'text_stream')
        self.fails(1, 'chat', '--attach', self.path('cat.jpg'), 'What is this?')


class TestExtractFile(AttachTestCase):
    def test_image(self):
        self.answer_with('extract_tool')
        self.ok('model', 'set', 'replay', 'extract_tool', '--vision', 'yes')
        write_image(self.path('board.jpg'), 3000, 2000, 'jpeg')
        printed = json.loads(self.ok('tasks', 'extract', '--file', self.path('board.jpg'), '--json'))
        self.assertEqual(len(printed), 3)
        self.assertEqual({t['source'] for t in printed}, {'file'})
        parts = self.user_content()
        images = [p for p in parts if p['type'] == 'image_url']
        self.assertEqual(len(images), 1)
        self.assertEqual(decoded_size(images[0]['image_url']['url'])[1:], (OPENAI_EDGE, OPENAI_EDGE * 2 // 3))
        # Only for finding tasks: nothing is kept in the data folder
        self.assertFalse(os.path.exists(os.path.join(self.data_dir, 'attachments')))

    def test_image_for_a_model_that_cannot_see(self):
        self.answer_with('extract_tool')
        write_image(self.path('board.png'), 300, 200)
        self.assertEqual(self.fails(1, 'tasks', 'extract', '--file', self.path('board.png')),
                         'steward-cli: The model extract_tool cannot see images, so it cannot find tasks in '
                         'board.png: choose a model that can, or say that this one can with '
                         '“steward-cli model set”.')
        self.assertEqual(self.requests(), [])

    def test_pdf(self):
        self.answer_with('extract_tool')
        write_pdf(self.path('minutes.pdf'), [['Send Ana the quarterly report'], ['Water the plants']])
        printed = json.loads(self.ok('tasks', 'extract', '--file', self.path('minutes.pdf'), '--json'))
        self.assertEqual(len(printed), 3)
        body = json.dumps(self.requests()[0]['body'], ensure_ascii=False)
        self.assertIn('--- Page 1 ---\\nSend Ana the quarterly report\\n', body)
        self.assertIn('--- Page 2 ---\\nWater the plants\\n', body)

    def test_broken_files_refused_with_their_name(self):
        self.answer_with('extract_tool')
        write_pdf(self.path('whole.pdf'), [['Some text']])
        with open(self.path('whole.pdf'), 'rb') as f:
            data = f.read()
        with open(self.path('cut.pdf'), 'wb') as f:
            f.write(data[:len(data) // 2])
        self.assertEqual(self.fails(1, 'tasks', 'extract', '--file', self.path('cut.pdf')),
                         'steward-cli: cut.pdf is not a complete PDF document.')
        self.assertEqual(self.requests(), [])


if __name__ == '__main__':
    replaycli.main()
