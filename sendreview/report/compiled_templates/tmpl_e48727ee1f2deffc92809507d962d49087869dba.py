from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'self-evaluation.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_v = resolve('v')
    l_0_m = l_0_voice = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['sendreview-loop']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'sendreview-loop' found.")
    try:
        t_3 = environment.filters['sendreview-size']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'sendreview-size' found.")
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.md.j2', 'self-evaluation.md.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    yield '# About this self-evaluation\n\n'
    def macro():
        t_4 = []
        pass
        t_4.extend((
            escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['School', markup_join((t_3(markup_join((environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'school'), (markup_join((t_3(markup_join((' (URN ', environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'urn'), ')', ))), )) if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'urn') else ''), ))), ))]))),
            '\n',
        ))
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'setting'):
            pass
            t_4.append(
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Type of setting', environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'setting')]))),
            )
        t_4.extend((
            escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Form', environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'framework')]))),
            '\n',
        ))
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'school_completed_by'):
            pass
            t_4.append(
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Completed by', t_1(context.eval_ctx, environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'school_completed_by'), '; ')]))),
            )
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'school_date'):
            pass
            t_4.append(
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Date', environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'school_date')]))),
            )
        return concat(t_4)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'table'), '30,70', header=0, id='about', caller=caller)
    yield '\n'
    l_0_voice = 'school'
    context.vars['voice'] = l_0_voice
    context.exported_vars.add('voice')
    template = environment.get_template('_context.md.j2', 'self-evaluation.md.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'m': l_0_m, 'voice': l_0_voice}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n# Areas of focus\n\n'
    for l_1_area in t_2(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'areas')):
        _loop_vars = {}
        pass
        yield '## '
        yield escape(environment.finalize(environment.getattr(l_1_area, 'number')))
        yield '. '
        yield escape(environment.finalize(environment.getattr(l_1_area, 'title')))
        yield '\n\n'
        def macro():
            t_5 = []
            pass
            t_5.extend((
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Suggested themes and areas to explore', 'Strengths', 'Areas for development']))),
                '\n',
            ))
            def macro():
                t_6 = []
                pass
                def macro():
                    t_7 = []
                    pass
                    for l_5_theme in t_2(environment.getattr(l_1_area, 'themes')):
                        _loop_vars = {}
                        pass
                        t_7.extend((
                            '- ',
                            escape(environment.finalize(environment.getattr(l_5_theme, 'text'))),
                            '\n',
                        ))
                    l_5_theme = missing
                    return concat(t_7)
                caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                t_6.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                def macro():
                    t_8 = []
                    pass
                    t_8.extend((
                        escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'items'), environment.getattr(l_1_area, 'school_strengths'), with_evidence=False))),
                        '\n',
                    ))
                    return concat(t_8)
                caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                t_6.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                def macro():
                    t_9 = []
                    pass
                    t_9.extend((
                        escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'items'), environment.getattr(l_1_area, 'school_areas_for_development'), with_evidence=False))),
                        '\n',
                    ))
                    return concat(t_9)
                caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                t_6.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                return concat(t_6)
            caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
            t_5.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'row'), caller=caller))
            return concat(t_5)
        caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
        yield environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'table'), '40,30,30', id=markup_join((t_3(markup_join(('self-evaluation-', environment.getattr(l_1_area, 'id'), ))), )), row_heads=0, caller=caller, _loop_vars=_loop_vars)
        yield '\n'
    l_1_area = missing

blocks = {}
debug_info = '3=31&6=34&7=38&8=41&9=47&10=50&11=55&6=62&14=64&15=67&19=74&20=78&22=82&23=86&24=89&25=92&26=95&27=100&25=106&30=107&31=111&30=116&33=117&34=121&33=126&24=129&22=132'