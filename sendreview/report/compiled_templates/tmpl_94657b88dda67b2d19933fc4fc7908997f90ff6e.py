from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = '_evidence.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_v = resolve('v')
    l_0_m = resolve('m')
    try:
        t_1 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_2 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_3 = environment.filters['sendreview-loop']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'sendreview-loop' found.")
    pass
    yield '# Evidence base\n\n## Documents\n\n'
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'documents'):
        pass
        def macro():
            t_4 = []
            pass
            t_4.extend((
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Document', 'Requested', 'Received']))),
                '\n',
            ))
            for l_2_doc in t_3(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'documents')):
                _loop_vars = {}
                pass
                if environment.getattr(l_2_doc, 'notes'):
                    pass
                    def macro():
                        t_5 = []
                        pass
                        def macro():
                            t_6 = []
                            pass
                            t_6.extend((
                                escape(environment.finalize(environment.getattr(l_2_doc, 'label'))),
                                '\n\n',
                                escape(environment.finalize(t_1(environment.getattr(l_2_doc, 'notes')))),
                                '\n',
                            ))
                            return concat(t_6)
                        caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                        t_5.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                        def macro():
                            t_7 = []
                            pass
                            t_7.append(
                                escape(environment.finalize(environment.getattr(l_2_doc, 'requested'))),
                            )
                            return concat(t_7)
                        caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                        t_5.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                        def macro():
                            t_8 = []
                            pass
                            t_8.append(
                                escape(environment.finalize(environment.getattr(l_2_doc, 'received'))),
                            )
                            return concat(t_8)
                        caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                        t_5.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                        return concat(t_5)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_4.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'row'), caller=caller, _loop_vars=_loop_vars))
                else:
                    pass
                    t_4.extend((
                        escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), [environment.getattr(l_2_doc, 'label'), environment.getattr(l_2_doc, 'requested'), environment.getattr(l_2_doc, 'received')], _loop_vars=_loop_vars))),
                        '\n',
                    ))
            l_2_doc = missing
            return concat(t_4)
        caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
        yield environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'table'), '64,18,18', id='documents', caller=caller)
    else:
        pass
        yield '*No documents recorded.*\n'
    yield '\n## Stakeholders whose views were gathered\n\n'
    t_9 = 1
    for l_1_s in t_3(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'stakeholders')):
        _loop_vars = {}
        pass
        yield '- '
        yield escape(environment.finalize(l_1_s))
        yield '\n'
        t_9 = 0
    l_1_s = missing
    if t_9:
        pass
        yield '*None recorded.*\n'
    yield '\n## Evidence log\n\n'
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'log'):
        pass
        def macro():
            t_10 = []
            pass
            t_10.extend((
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Id', 'Date', 'How', 'Who', 'What was seen or heard']))),
                '\n',
            ))
            l_2_loop = missing
            for l_2_e, l_2_loop in LoopContext(t_3(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'log')), undefined):
                _loop_vars = {}
                pass
                def macro():
                    t_11 = []
                    pass
                    def macro():
                        t_12 = []
                        pass
                        t_12.extend((
                            '[**',
                            escape(environment.finalize(environment.getattr(environment.getattr(l_2_e, 'ref'), 'id'))),
                            '**]{#',
                            escape(environment.finalize(environment.getattr(environment.getattr(l_2_e, 'ref'), 'anchor'))),
                            '}',
                        ))
                        return concat(t_12)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_11.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                    def macro():
                        t_13 = []
                        pass
                        t_13.append(
                            escape(environment.finalize(environment.getattr(l_2_e, 'date'))),
                        )
                        return concat(t_13)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_11.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                    def macro():
                        t_14 = []
                        pass
                        t_14.append(
                            escape(environment.finalize(environment.getattr(l_2_e, 'method'))),
                        )
                        return concat(t_14)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_11.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                    def macro():
                        t_15 = []
                        pass
                        t_15.append(
                            escape(environment.finalize(environment.getattr(l_2_e, 'stakeholders'))),
                        )
                        return concat(t_15)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_11.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                    def macro():
                        t_16 = []
                        pass
                        if environment.getattr(l_2_e, 'title'):
                            pass
                            t_16.extend((
                                '**',
                                escape(environment.finalize(environment.getattr(l_2_e, 'title'))),
                                '**',
                            ))
                            if environment.getattr(l_2_e, 'areas'):
                                pass
                                t_16.extend((
                                    ' (',
                                    escape(environment.finalize(environment.getattr(l_2_e, 'areas'))),
                                    ')',
                                ))
                            t_16.append(
                                '\n\n',
                            )
                        t_16.extend((
                            escape(environment.finalize(t_1(environment.getattr(l_2_e, 'notes')))),
                            '\n',
                        ))
                        if environment.getattr(l_2_e, 'attachments'):
                            pass
                            t_16.append(
                                '\nAttached: ',
                            )
                            l_5_loop = missing
                            for l_5_a, l_5_loop in LoopContext(t_3(environment.getattr(l_2_e, 'attachments')), undefined):
                                _loop_vars = {}
                                pass
                                t_16.extend((
                                    '[',
                                    escape(environment.finalize(environment.getattr(l_5_a, 'name'))),
                                    ']{.attachment href="',
                                    escape(environment.finalize(t_2(environment.getattr(l_5_a, 'href')))),
                                    '"}',
                                ))
                                if (not environment.getattr(l_5_loop, 'last')):
                                    pass
                                    t_16.append(
                                        ', ',
                                    )
                            l_5_loop = l_5_a = missing
                        return concat(t_16)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_11.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                    return concat(t_11)
                caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                t_10.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'row'), caller=caller, _loop_vars=_loop_vars))
            l_2_loop = l_2_e = missing
            return concat(t_10)
        caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
        yield environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'table'), '9,13,22,16,40', id='evidence-log', caller=caller)
    else:
        pass
        yield '*No evidence recorded yet.*\n'

blocks = {}
debug_info = '6=32&7=34&8=38&9=41&10=44&11=46&12=49&13=53&15=55&12=60&17=61&18=70&11=81&21=85&7=91&31=97&32=101&39=109&40=111&41=115&42=119&43=122&44=125&45=138&46=147&47=156&48=165&49=168&50=172&54=186&55=189&57=195&48=213&43=216&40=220'